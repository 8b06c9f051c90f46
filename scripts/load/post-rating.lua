-- wrk script: POST /api/v1/ratings with the ~2 KB request in rating-request-2kb.json and the pipeline key
-- (API_KEY in the environment, default demo-pipeline-key). Counts answers by class; done() prints one line
-- per class and "non-2xx N", which scripts/http-load.sh checks.
local dir = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(dir .. "threads.lua")
local file = assert(io.open(dir .. "rating-request-2kb.json", "rb"))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.path = "/api/v1/ratings"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "demo-pipeline-key"

function init(args)
  created = 0
  other2xx = 0
  non2xx = 0
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status >= 200 and status < 300 then
    other2xx = other2xx + 1
  else
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("created %d\nother-2xx %d\nnon-2xx %d\n", total("created"), total("other2xx"), total("non2xx")))
  write_latency(latency)
end
