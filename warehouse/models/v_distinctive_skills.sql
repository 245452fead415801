-- Skills distinctive of each role per month, quarter and year: Monroe, Colaresi & Quinn (2008)
-- weighted log-odds with an informative Dirichlet prior (alpha_w = the skill's count in both roles).
-- Counts are postings mentioning the skill; z > 0 means the skill leans towards `role`.
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

skill_counts as (
    select
        period_type, period, skill_id,
        coalesce(sum(n_skill) filter (where role = 'ai_engineer'), 0)::bigint as y_ai,
        coalesce(sum(n_skill) filter (where role = 'data_scientist'), 0)::bigint as y_ds
    from monthly_skills
    join period_keys using (month)
    group by all
),

totals as (
    select *, sum(y_ai) over w as n_ai, sum(y_ds) over w as n_ds
    from skill_counts
    window w as (partition by period_type, period)
),

log_odds as (
    select
        period_type, period, skill_id, y_ai, y_ds,
        (
            ln((y_ai + y_ai + y_ds) / nullif(n_ai + (n_ai + n_ds) - y_ai - (y_ai + y_ds), 0))
            - ln((y_ds + y_ai + y_ds) / nullif(n_ds + (n_ai + n_ds) - y_ds - (y_ai + y_ds), 0))
        ) / sqrt(1.0 / (y_ai + y_ai + y_ds) + 1.0 / (y_ds + y_ai + y_ds)) as z_ai
    from totals
    where n_ai > 0 and n_ds > 0
)

select period_type, period, 'ai_engineer' as role, skill_id as skill, z_ai as log_odds_z, y_ai as n_skill
from log_odds
union all
select period_type, period, 'data_scientist' as role, skill_id as skill, -z_ai as log_odds_z, y_ds as n_skill
from log_odds
