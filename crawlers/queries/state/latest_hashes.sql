-- global_id -> content_hash of its latest landed version, over the landing files given (run ids
-- sort by time, so the greatest file name holds the latest version).
select global_id, arg_max(content_hash, filename) as content_hash
from read_json(
    ?, format = 'newline_delimited', filename = true,
    columns = {'global_id': 'varchar', 'content_hash': 'varchar'}
)
group by global_id
