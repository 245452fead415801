-- Change of each skill's share per role between the first and the last full calendar year with
-- data (a year whose 12 months all have postings; with fewer than two such years, the first and
-- last years with data). Interval: Newcombe's hybrid score interval (method 10) from the two
-- Wilson intervals; 'rising' / 'falling' only when it excludes zero. Counts come from the aggregates
-- (v_skill_share_yearly, role_months, month_postings).
with yearly as (
    select role, period, skill, n_skill from v_skill_share_yearly
),

months_per_year as (
    select year(month)::integer as year, count(distinct month) as n_months
    from month_postings
    group by all
),

full_years as (
    select year from months_per_year where n_months = 12
),

candidate_years as (
    select year from full_years where (select count(*) from full_years) >= 2
    union all
    select year from months_per_year where (select count(*) from full_years) < 2
),

bounds as (
    select min(year) as first_period, max(year) as last_period
    from candidate_years
    having min(year) < max(year)
),

role_totals as (
    select role, year(month)::integer as period, sum(n_skill_postings)::bigint as n_role
    from role_months
    group by all
),

pairs as (
    select distinct yearly.role, yearly.skill, bounds.first_period, bounds.last_period
    from yearly
    cross join bounds
    where yearly.period in (bounds.first_period, bounds.last_period)
),

counts as (
    select
        pairs.skill, pairs.role, pairs.first_period, pairs.last_period,
        coalesce(y1.n_skill, 0) as n_skill_first, t1.n_role as n_role_first,
        coalesce(y2.n_skill, 0) as n_skill_last, t2.n_role as n_role_last
    from pairs
    join role_totals as t1 on t1.role = pairs.role and t1.period = pairs.first_period
    join role_totals as t2 on t2.role = pairs.role and t2.period = pairs.last_period
    left join yearly as y1 on y1.role = pairs.role and y1.skill = pairs.skill and y1.period = pairs.first_period
    left join yearly as y2 on y2.role = pairs.role and y2.skill = pairs.skill and y2.period = pairs.last_period
),

shares as (
    select
        *,
        n_skill_first / n_role_first as share_first,
        wilson_low(n_skill_first, n_role_first) as low_first,
        wilson_high(n_skill_first, n_role_first) as high_first,
        n_skill_last / n_role_last as share_last,
        wilson_low(n_skill_last, n_role_last) as low_last,
        wilson_high(n_skill_last, n_role_last) as high_last
    from counts
),

changes as (
    select
        *,
        share_last - share_first as change,
        share_last - share_first
            - sqrt(power(share_last - low_last, 2) + power(high_first - share_first, 2)) as change_low,
        share_last - share_first
            + sqrt(power(high_last - share_last, 2) + power(share_first - low_first, 2)) as change_high
    from shares
)

select
    skill, role, first_period, last_period,
    share_first, share_last, change, change_low, change_high,
    case when change_low > 0 then 'rising' when change_high < 0 then 'falling' else 'flat' end as direction,
    n_role_first, n_skill_first, n_role_last, n_skill_last
from changes
