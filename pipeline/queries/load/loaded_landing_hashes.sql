-- The sha256 of every landing file loaded whole.
select sha256 from landing_files where loaded_at is not null
