-- wrk script of bench/cluster.sh: every request carries the session cookie of the next of several signed-in sessions
-- (one "JSESSIONID=..." per line in the file $BENCH_COOKIES), so that the load is many users' and not one session
-- hammered by every connection at once. Only JSESSIONID is sent, not Payara's JSESSIONIDVERSION: a clustered node
-- then loads the session from the grid for each request, and writes it back after it (Payara's default scope), as
-- for a browser whose request reaches a node holding an older copy. Each wrk thread starts at its own offset in the
-- list.
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local cookies = {}
local index = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_COOKIES")) do
    cookies[#cookies + 1] = line
  end
  local count = tonumber(os.getenv("BENCH_THREADS"))
  index = math.floor(#cookies * offset / count)
end

function request()
  index = index % #cookies + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[index] })
end
