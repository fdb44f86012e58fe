-- wrk script of bench/cluster.sh: every request carries the session cookie of the next of several signed-in sessions
-- (one "JSESSIONID=..." per line in the file $BENCH_COOKIES), so that the load is many users' and not one session
-- hammered by every connection at once. A line holds what the sign-in set: JSESSIONID and, for a distributable
-- application, Payara's JSESSIONIDVERSION, sent unchanged on every request (Payara finds no session without it). A
-- node whose copy of the session is as recent serves that copy, one without a copy loads it from the grid once; every
-- node writes the session back to the grid after each request (Payara's default scope). Each wrk thread starts at its
-- own offset in the list.
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
