// Drives every entry point of osc-composer-m4l.js against the stand-in LiveAPI and prints,
// as JSON, each OSC message it sent to [udpsend] with the type tags Max would put on it
// (an integral number goes out of [js] as an int). tests/test_patches.py checks them
// against the server's protocol table. Run: node tests/js/record-messages.js [device.js]
"use strict";

const path = require("path");
const { makeLiveSet, installMax, DEVICE } = require("./fake-live.js");

const file = process.argv[2] ? path.resolve(process.argv[2]) : DEVICE;
const clip = [
  { note_id: 1, pitch: 60, start_time: 0, duration: 1, velocity: 100, mute: 0 },
  { note_id: 2, pitch: 64, start_time: 1.5, duration: 0.5, velocity: 87.6, mute: 0 },
];
const record = installMax(makeLiveSet({ clipNotes: clip, deviceId: 42 }));
const device = require(file);

for (const name of Object.keys(device.PARAMS)) {
  const spec = device.PARAMS[name];
  // a menu index for the scale, the middle of the range for numbers
  device.param(name, spec.type === "s" ? 1 : (spec.low + spec.high) / 2);
}
device.init();
device.portoffset(2);
device.sendseed();
device.generate();
device.ping();

const tag = (v) => (typeof v === "string" ? "s" : Number.isInteger(v) ? "i" : "f");
const messages = record.outlets
  .filter((o) => o[0] === 0 && String(o[1]).startsWith("/"))
  .map((o) => ({ address: o[1], tags: o.slice(2).map(tag).join(""), values: o.slice(2) }));
process.stdout.write(JSON.stringify(messages) + "\n");
