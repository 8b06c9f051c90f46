-- wrk script: GET /api/v1/vocabulary with the pipeline key, the cheapest authenticated endpoint: the
-- yardstick that rating throughput is compared with on the same machine and in the same run.
local dir = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(dir .. "threads.lua")

wrk.method = "GET"
wrk.path = "/api/v1/vocabulary"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "demo-pipeline-key"

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status >= 300 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx %d\n", total("non2xx")))
  write_latency(latency)
end
