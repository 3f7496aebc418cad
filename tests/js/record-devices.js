// Drives every control and command of both devices as they ship (max-harness.js) and
// prints, as JSON, each OSC message they send with the type tags [udpsend] puts on it
// (an integral number goes out as an int). tests/test_m4l.py checks them against the
// server's protocol table. Run: node tests/js/record-devices.js [effect.amxd] [generator.amxd]
"use strict";

const path = require("path");
const { Device, PATCHES } = require("./max-harness.js");
const { makeLiveSet } = require("./fake-live.js");

const effectFile = process.argv[2] ? path.resolve(process.argv[2]) : path.join(PATCHES, "osc-composer.amxd");
const generatorFile = process.argv[3] ? path.resolve(process.argv[3]) : path.join(PATCHES, "osc-composer-generator.amxd");
const clip = [
  { note_id: 1, pitch: 60, start_time: 0, duration: 1, velocity: 100, mute: 0 },
  { note_id: 2, pitch: 64, start_time: 1.5, duration: 0.5, velocity: 87.6, mute: 0 },
];

function everyControl(device) {
  for (const { box } of device.patcher.boxes) {
    const valueof = box.saved_attribute_attributes && box.saved_attribute_attributes.valueof;
    if (!valueof || !box.varname) continue;
    if (box.maxclass === "live.text") {
      device.press(box.varname);
    } else {
      const low = valueof.parameter_mmin || 0;
      const high = valueof.parameter_mmax;
      device.set(box.varname, box.maxclass === "live.menu" ? high : (low + high) / 2);
    }
  }
}

const live = makeLiveSet({ clipNotes: clip, deviceId: 42, playing: 1, tempo: 123.5 });
const effect = new Device(effectFile, live);
effect.load();
everyControl(effect);
effect.set("live", 1);
for (const mode of [0, 1, 2, 3, 0]) effect.set("livemode", mode);
effect.midiIn([0x90, 60, 100, 0x80, 60, 0]);
effect.beat();
effect.deliver("/composer/model/available", "mixture", 1);
effect.chooseModel(0);
effect.set("live", 0);
effect.switchDevice(false);

const generator = new Device(generatorFile, makeLiveSet({ clipNotes: clip, deviceId: 7, length: 8 }));
generator.load();
everyControl(generator);
generator.setToolInput([], { clip: { time_selection_start: 2, time_selection_end: 6 }, scale: { scale_mode: 1, root_note: 9, scale_intervals: [0, 2, 3, 5, 7, 8, 10] } });
generator.set("mode", 0);
generator.apply();
generator.set("mode", 1);
generator.setToolInput(clip, { clip: { time_selection_start: 0, time_selection_end: 2 } });
generator.apply();

const tag = (v) => (typeof v === "string" ? "s" : Number.isInteger(v) ? "i" : "f");
const messages = (device, name) => device.log.osc.map(([address, ...values]) => ({
  device: name, address, tags: values.map(tag).join(""), values,
}));
process.stdout.write(JSON.stringify({
  messages: [...messages(effect, "effect"), ...messages(generator, "generator")],
  errors: [...effect.log.errors, ...generator.log.errors],
}) + "\n");
