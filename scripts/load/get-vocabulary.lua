-- wrk script: GET /api/v1/vocabulary with the pipeline key, the cheapest authenticated endpoint: the
-- yardstick that rating throughput is compared with on the same machine and in the same run.
wrk.method = "GET"
wrk.path = "/api/v1/vocabulary"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "demo-pipeline-key"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status >= 300 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + t:get("non2xx")
  end
  io.write(string.format("non-2xx %d\np50-ms %.2f\np99-ms %.2f\n", n, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
