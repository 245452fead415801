-- How many postings of the batch the warehouse holds already.
select count(*) from _load_staged_postings semi join postings using (global_id)
