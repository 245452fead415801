-- Postings seen and kept per source and month, from the month ? on.
select source, month, postings_seen, postings_kept
from source_months
where month >= ?
order by month, source
