-- The warehouse's yearly divergences (bootstrap JSD and its interval, postings per role, and the
-- bootstrap's samples and seed).
select period, jsd, jsd_low, jsd_high, n_ai, n_ds, samples, seed
from divergence_bootstrap
where period_type = 'year'
order by period
