-- wrk script: POST /v1/query with a person id drawn at random from the ids
-- file per request. Set by run.sh: KITH_TOKEN, KITH_QUERY, KITH_IDS.
local token = os.getenv("KITH_TOKEN")
local query = os.getenv("KITH_QUERY")
local ids = {}

function init(args)
  for line in io.lines(os.getenv("KITH_IDS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local id = ids[math.random(#ids)]
  local body = string.format('{"query": "%s", "params": {"id": %s}}', query, id)
  return wrk.format("POST", "/v1/query", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

-- Any answer but 200 is an error for this benchmark (wrk only counts
-- non-2xx/3xx and socket errors on its own).
local bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
