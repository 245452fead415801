-- The canonical posting of each duplicate, from the registered batch_duplicates table.
update postings set canonical_id = d.canonical_id
from batch_duplicates as d
where postings.global_id = d.global_id
