-- source_months is derived whole: emptied before it is filled again.
delete from source_months
