// fmt(value, spec) for each [value, spec] pair on stdin (JSON), for tests/test_twins_format.py.
import { readFileSync } from "node:fs";
import { fmt } from "../../utils/panels/_format.js";

const pairs = JSON.parse(readFileSync(0, "utf-8"));
process.stdout.write(JSON.stringify(pairs.map(([value, spec]) => fmt(value, spec))));
