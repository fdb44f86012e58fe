-- wrk script of bench/e2e.sh's "first sight" row: every request carries the next of many distinct access tokens
-- (one per line in the file $BENCH_TOKENS), so that the module's verified-token cache, far smaller than the list,
-- almost never holds the token: each request pays the full verification. Each wrk thread starts at its own offset
-- in the list, so that two threads never send the same token one right after the other.
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local tokens = {}
local index = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = "Bearer " .. line
  end
  local count = tonumber(os.getenv("BENCH_THREADS"))
  index = math.floor(#tokens * offset / count)
end

function request()
  index = index % #tokens + 1
  return wrk.format("GET", nil, { ["Authorization"] = tokens[index] })
end
