-- wrk script: POST a new lot per request, each with its own Idempotency-Key.
-- The bearer token comes from the TOKEN environment variable.
local counter = 0
local thread_id = 0

setup = function(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

init = function(args)
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  wrk.body = '{"good":"S01","quantity":2,"value":"24.00","note":"load check"}'
end

request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("load-%d-%d-%d", os.time(), thread_id, counter)
  return wrk.format(nil, "/api/lots")
end
