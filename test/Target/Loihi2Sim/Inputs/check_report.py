"""Checks a lrnn-sim report (lrnn-loihi2-sim/1) for consistency.

  check_report.py REPORT.json --tokens T [--trace TRACE] [--mode M]
                  [--min-cores C] [--mesh-hops] [--chip-crossings]

Every key is present; time_steps = tokens + pipeline_latency_steps; the
totals equal the sums over the cores (synaptic ops, neuron instructions) and
mean x time_steps (every count); min <= median <= p99 <= max and
min <= mean <= max for every per-step quantity; the estimates follow from
the per-step figures; every cost constant has a non-empty source; the
simulator figures follow from the wall time. With --trace, the trace has one
line per time step whose columns sum to the totals. Prints "ok" and a
summary line.
"""
import argparse
import json
import math
import sys

COUNTS = ["synaptic_ops", "neuron_instructions", "messages", "mesh_hops", "chip_crossings"]
PER_STEP = COUNTS + ["latency_ns", "energy_pj"]
COST_KEYS = [
    "energy_per_synaptic_op", "energy_per_neuron_instruction", "energy_per_spike",
    "energy_per_mesh_hop", "energy_per_chip_crossing", "static_power_per_chip",
    "latency_per_synaptic_op", "latency_per_neuron_instruction", "latency_per_spike",
    "latency_per_mesh_hop", "latency_per_chip_crossing", "barrier_time_per_step",
]


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def check(cond, what):
    if not cond:
        sys.exit("FAIL: " + what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--tokens", type=int, required=True)
    ap.add_argument("--trace")
    ap.add_argument("--mode")
    ap.add_argument("--min-cores", type=int, default=1)
    ap.add_argument("--mesh-hops", action="store_true", help="expect mesh hops > 0")
    ap.add_argument("--chip-crossings", action="store_true", help="expect chip crossings > 0")
    a = ap.parse_args()
    r = json.load(open(a.report))

    for key in ["format", "program", "system", "mode", "chips_used", "tokens", "time_steps",
                "pipeline_latency_steps", "totals", "per_step", "per_core", "estimates", "simulator"]:
        check(key in r, "missing key " + key)
    check(r["format"] == "lrnn-loihi2-sim/1", "format " + r["format"])
    check(r["tokens"] == a.tokens, "tokens %d" % r["tokens"])
    if a.mode:
        check(r["mode"] == a.mode, "mode " + r["mode"])
    steps = r["time_steps"]
    check(steps == r["tokens"] + r["pipeline_latency_steps"], "time_steps != tokens + latency")
    check(r["chips_used"] >= 1, "chips_used")

    totals = r["totals"]
    for key in COUNTS + ["saturations", "input_saturations"]:
        check(isinstance(totals.get(key), int) and totals[key] >= 0, "totals." + key)
    check(totals["synaptic_ops"] > 0 and totals["neuron_instructions"] > 0 and totals["messages"] > 0,
          "no work counted")
    check((totals["mesh_hops"] > 0) == a.mesh_hops, "mesh_hops %d" % totals["mesh_hops"])
    check((totals["chip_crossings"] > 0) == a.chip_crossings, "chip_crossings %d" % totals["chip_crossings"])

    cores = r["per_core"]
    check(len(cores) >= a.min_cores, "%d cores" % len(cores))
    keys = ["chip", "core", "neurons", "synaptic_ops", "neuron_instructions", "messages_sent",
            "messages_received", "busy_ns"]
    for c in cores:
        for key in keys:
            check(key in c, "per_core entry without " + key)
    check([(c["chip"], c["core"]) for c in cores] == sorted({(c["chip"], c["core"]) for c in cores}),
          "per_core not sorted by (chip, core) or duplicated")
    check(len({c["chip"] for c in cores}) == r["chips_used"], "chips_used != chips in per_core")
    for key in ["synaptic_ops", "neuron_instructions"]:
        check(sum(c[key] for c in cores) == totals[key], "totals.%s != sum over cores" % key)
    check(sum(c["messages_sent"] for c in cores) <= totals["messages"], "cores sent more than the total")

    per = r["per_step"]
    for key in PER_STEP:
        d = per[key]
        for s in ["mean", "min", "median", "p99", "max"]:
            check(s in d, "per_step.%s.%s" % (key, s))
        check(d["min"] <= d["median"] <= d["p99"] <= d["max"], "per_step.%s order" % key)
        check(d["min"] <= d["mean"] * (1 + 1e-12) and d["mean"] <= d["max"] * (1 + 1e-12),
              "per_step.%s mean" % key)
    for key in COUNTS:
        check(close(per[key]["mean"] * steps, totals[key]), "per_step.%s.mean x steps != total" % key)

    e = r["estimates"]
    check(e["label"] == "estimate", "label")
    lat = e["latency_per_step_ns"]
    check(close(lat["mean"], per["latency_ns"]["mean"]) and close(lat["max"], per["latency_ns"]["max"])
          and close(lat["median"], per["latency_ns"]["median"]), "latency estimates")
    check(lat["mean"] > 0, "zero latency")
    en = e["energy_per_step_pj"]
    check(close(en["total_mean"], en["dynamic_mean"] + en["static_mean"]), "energy total")
    check(close(en["total_mean"], per["energy_pj"]["mean"]), "energy mean")
    check(en["dynamic_mean"] > 0 and en["static_mean"] > 0, "zero energy")
    check(close(e["energy_per_token_pj"], en["total_mean"] * steps / r["tokens"]), "energy per token")
    p = e["power_w"]
    check(close(p["back_to_back"], en["total_mean"] / lat["mean"] * 1e-3), "back-to-back power")
    check(close(p["real_time"], en["total_mean"] / 8e6 * 1e-3), "real-time power")
    static_w = e["constants"]["static_power_per_chip"]["value"] * r["chips_used"]
    check(close(p["real_time_static_always_on"], en["dynamic_mean"] / 8e6 * 1e-3 + static_w),
          "real-time power, static always on")
    rt = e["real_time"]
    check(rt["step_ms"] == 8.0, "step_ms")
    check(close(rt["margin"], 8e6 / lat["mean"]) and close(rt["worst_case_margin"], 8e6 / lat["max"]),
          "margins")
    for key in COST_KEYS:
        check(e["sources"].get(key), "no source for " + key)
        check(key in e["constants"] and e["constants"][key]["unit"], "no constant " + key)

    sim = r["simulator"]
    check(sim["wall_seconds"] > 0, "wall_seconds")
    check(close(sim["steps_per_second"], steps / sim["wall_seconds"]), "steps_per_second")
    check(close(sim["real_time_factor"], steps * 0.008 / sim["wall_seconds"]), "real_time_factor")
    check(sim["cpu_seconds"] > 0, "cpu_seconds")
    check(close(sim["cpu_real_time_factor"], steps * 0.008 / sim["cpu_seconds"]),
          "cpu_real_time_factor")

    if a.trace:
        lines = open(a.trace).read().splitlines()
        check(lines[0].startswith("# ") and lines[1].startswith("# step "), "trace header")
        rows = [list(map(float, line.split())) for line in lines[2:]]
        check(len(rows) == steps, "trace has %d lines for %d steps" % (len(rows), steps))
        check([int(row[0]) for row in rows] == list(range(steps)), "trace step column")
        for i, key in enumerate(COUNTS):
            check(sum(int(row[i + 1]) for row in rows) == totals[key], "trace %s sum" % key)
        check(abs(max(row[6] for row in rows) - lat["max"]) <= 0.01, "trace latency max")

    print("ok: %d tokens, %d steps, %d cores, %d chips" % (r["tokens"], steps, len(cores), r["chips_used"]))


if __name__ == "__main__":
    main()
