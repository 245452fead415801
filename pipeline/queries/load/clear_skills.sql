-- The skills table mirrors the taxonomy: emptied before it is filled again.
delete from skills
