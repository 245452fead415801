-- Tables and views, in any schema, named like an Arrow table the load reads by name (the list
-- of lowercase names given): DuckDB would read the relation in its place.
select kind, schema_name, name
from (
    select 'table' as kind, schema_name, table_name as name from duckdb_tables()
    union all
    select 'view' as kind, schema_name, view_name as name from duckdb_views()
)
where list_contains(?::varchar[], lower(name))
order by all
