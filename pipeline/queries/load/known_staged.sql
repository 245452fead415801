-- How many postings of the batch the warehouse holds already.
select count(*) from stage_postings semi join postings using (global_id)
