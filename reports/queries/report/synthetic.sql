-- Synthetic postings among the role postings in [?, ?) and in the whole warehouse.
select
    count(*) filter (where p.month >= ? and p.month < ?) as in_period,
    count(*) as total
from postings as p
where p.is_synthetic
