-- Per month in [$start, $end): the postings the divergence bootstrap resamples (divergence_pool.sql)
-- per role, the n that decides whether a quarter is pooled.
select
    month,
    count(*) filter (where role = 'ai_engineer') as n_ai,
    count(*) filter (where role = 'data_scientist') as n_ds
from role_postings
where attribution = 'only_family' and month >= $start and month < $end
group by month
order by month
