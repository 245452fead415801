-- Each compared role's top skills over a span of months, as the attributed shares
-- (role_month_skills over role_months) rank them, beside the share among postings that hire that
-- family alone and its Wilson 95% interval: the check that a role's profile measures what that
-- role itself is asked for. Parameters: $first and $last month (dates), $top skills per role.
with attributed as (
    select role, sum(n_skill_postings) as n
    from role_months
    where month between $first and $last
    group by role
),

attributed_skills as (
    select role, skill_id, sum(n_skill) as k
    from role_month_skills
    where month between $first and $last
    group by all
),

alone as (
    select role, global_id, skills
    from role_postings
    where attribution = 'only_family' and month between $first and $last
),

alone_n as (select role, count(*) as n from alone group by role),

alone_mentions as (select role, unnest(skills) as skill_id from alone),

alone_skills as (select role, skill_id, count(*) as k from alone_mentions group by all),

ranked as (
    select
        s.role,
        s.skill_id,
        s.k / a.n as share,
        row_number() over (partition by s.role order by s.k desc, s.skill_id) as rank
    from attributed_skills as s
    inner join attributed as a using (role)
)

select
    r.role,
    r.rank,
    r.skill_id,
    r.share,
    coalesce(x.k, 0) as k_alone,
    n.n as n_alone,
    wilson_low(coalesce(x.k, 0), n.n) as low,
    wilson_high(coalesce(x.k, 0), n.n) as high
from ranked as r
inner join alone_n as n using (role)
left join alone_skills as x using (role, skill_id)
where r.rank <= $top
order by r.role, r.rank
