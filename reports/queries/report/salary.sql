-- Stated annual salary ranges per role and currency in [?, ?): quartiles of range ends, with n.
with stated as (
    select
        role,
        upper(salary_currency) as currency,
        salary_annual_min as low,
        coalesce(salary_annual_max, salary_annual_min) as high
    from report_postings
    where month >= ? and month < ?
        and salary_currency is not null
        and salary_annual_min is not null
        and salary_annual_min > 0
)

select
    role,
    currency,
    count(*) as n,
    quantile_cont(low, 0.5) as median_low,
    quantile_cont(high, 0.5) as median_high,
    quantile_cont((low + high) / 2, 0.25) as mid_p25,
    quantile_cont((low + high) / 2, 0.75) as mid_p75
from stated
group by role, currency
order by role, n desc, currency
