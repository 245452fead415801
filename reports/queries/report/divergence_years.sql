-- The yearly divergences: the warehouse's bootstrap rows (JSD, interval, postings per role,
-- samples and seed), and every other year in which a role has postings with skills with its
-- counts from v_role_divergence and no JSD (the report bootstraps such a year itself).
select
    coalesce(b.period, v.period) as period,
    b.jsd, b.jsd_low, b.jsd_high,
    coalesce(b.n_ai, v.n_ai) as n_ai,
    coalesce(b.n_ds, v.n_ds) as n_ds,
    b.samples, b.seed
from (select * from divergence_bootstrap where period_type = 'year') as b
full join (
    select period, n_ai, n_ds from v_role_divergence
    where period_type = 'year' and n_ai + n_ds > 0
) as v on v.period = b.period
order by period
