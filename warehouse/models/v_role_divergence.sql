-- How far apart the two roles' skill profiles are per month, quarter and year (pooled postings).
-- period is text: 'YYYY-MM' for months, 'YYYY-Qn' for quarters, 'YYYY' for years.
-- Counts come from role_months and role_month_skills (canonical postings whose text speaks for the role, a skill once per posting; see role_postings).
with monthly_postings as (
    select month, role, n_skill_postings as n_postings from role_months
),

monthly_skills as (
    select month, role, skill_id, n_skill from role_month_skills
),

period_keys as (
    select * from period_keys()  -- schema/004_period_keys.sql
),

role_totals as (
    select period_type, period,
        coalesce(sum(n_postings) filter (where role = 'ai_engineer'), 0)::bigint as n_ai,
        coalesce(sum(n_postings) filter (where role = 'data_scientist'), 0)::bigint as n_ds
    from monthly_postings
    join period_keys using (month)
    group by all
),

skill_counts as (
    select period_type, period, role, skill_id, sum(n_skill) as n_skill
    from monthly_skills
    join period_keys using (month)
    group by all
),

profiles as (
    select
        period_type, period, skill_id,
        sum(n_skill) filter (where role = 'ai_engineer') as n_skill_ai,
        sum(n_skill) filter (where role = 'data_scientist') as n_skill_ds
    from skill_counts
    group by all
),

normalised as (
    select
        profiles.period_type, profiles.period, profiles.skill_id,
        coalesce(n_skill_ai / sum(n_skill_ai) over w, 0) as p_ai,
        coalesce(n_skill_ds / sum(n_skill_ds) over w, 0) as p_ds,
        coalesce(n_skill_ai, 0) / nullif(role_totals.n_ai, 0) as share_ai,
        coalesce(n_skill_ds, 0) / nullif(role_totals.n_ds, 0) as share_ds
    from profiles
    join role_totals using (period_type, period)
    window w as (partition by profiles.period_type, profiles.period)
),

ranked as (
    select
        *,
        case when share_ai > 0 then row_number() over (partition by period_type, period order by share_ai desc, skill_id) end as rank_ai,
        case when share_ds > 0 then row_number() over (partition by period_type, period order by share_ds desc, skill_id) end as rank_ds
    from normalised
),

metrics as (
    select
        period_type, period,
        sum(
            case when p_ai > 0 then 0.5 * p_ai * log2(p_ai / ((p_ai + p_ds) / 2)) else 0 end
            + case when p_ds > 0 then 0.5 * p_ds * log2(p_ds / ((p_ai + p_ds) / 2)) else 0 end
        ) as jsd,
        sum(share_ai * share_ds) / nullif(sqrt(sum(share_ai * share_ai)) * sqrt(sum(share_ds * share_ds)), 0) as cosine,
        count(*) filter (where rank_ai <= 20 and rank_ds <= 20)
            / nullif(count(*) filter (where rank_ai <= 20 or rank_ds <= 20), 0) as jaccard_top20,
        bool_or(p_ai > 0) and bool_or(p_ds > 0) as both_have_skills
    from ranked
    group by all
)

select
    role_totals.period_type,
    role_totals.period,
    case when metrics.both_have_skills then greatest(least(metrics.jsd, 1.0), 0.0) end as jsd,
    case when metrics.both_have_skills then metrics.cosine end as cosine,
    case when metrics.both_have_skills then metrics.jaccard_top20 end as jaccard_top20,
    role_totals.n_ai,
    role_totals.n_ds
from role_totals
left join metrics using (period_type, period)
order by role_totals.period_type, role_totals.period
