-- Postings seen and kept per source and month, in the report's months [?, ?).
select source, month, postings_seen, postings_kept
from source_months
where month >= ? and month < ?
order by month, source
