-- The months of role_months with the month, quarter and year periods each lies in, as the report
-- names them ('2026-05', '2026-Q2', '2026'). Each posting lies in exactly one month, so quarter
-- and year counts are sums of month counts; the divergence and distinctive-skill views share this.

create or replace macro period_keys() as table
    select distinct month, 'month' as period_type, strftime(month, '%Y-%m') as period from role_months
    union all
    select distinct month, 'quarter', year(month)::varchar || '-Q' || quarter(month)::varchar from role_months
    union all
    select distinct month, 'year', year(month)::varchar from role_months;
