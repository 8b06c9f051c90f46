-- Loaded by the wrk scripts here. wrk runs one Lua state per thread, so what a script counts in its globals is
-- summed over the threads when the run is done.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- The sum over the threads of the global counter `name`.
function total(name)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + t:get(name)
  end
  return n
end

function write_latency(latency)
  io.write(string.format("p50-ms %.2f\np99-ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
