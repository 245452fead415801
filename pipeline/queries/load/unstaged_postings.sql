-- Postings of the batch that staging dropped: neither a month nor a date that parses.
select global_id from batch_postings
except
select global_id from stage_postings
