// The Max for Live MIDI effect as it ships: osc-composer.amxd's own patch and embedded
// script, run through max-harness.js (Max message semantics) against fake-live.js.
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { Device, PATCHES } = require("./max-harness.js");
const { makeLiveSet } = require("./fake-live.js");

const DEVICE = process.env.OSC_COMPOSER_AMXD || path.join(PATCHES, "osc-composer.amxd");
const CLIP = [
  { note_id: 1, pitch: 60, start_time: 0, duration: 1, velocity: 100, mute: 0 },
  { note_id: 2, pitch: 64, start_time: 1.5, duration: 0.5, velocity: 87, mute: 0 },
];

function setup(options = {}) {
  const live = makeLiveSet({ clipNotes: CLIP, ...options });
  const device = new Device(DEVICE, live);
  device.load();
  return { live, device };
}

const sent = (device, address) => device.log.osc.filter((m) => m[0] === address);

test("the status line shows the text itself, not 'set ...' ([prepend set] into a comment)", () => {
  const { device } = setup({ deviceId: 42 });
  assert.equal(device.status(), `ready: replies on port ${device.replyPort()}`);
  assert.doesNotMatch(device.status(), /^set\b/);
});

test("the harness models [prepend set] as Max does: a script sending 'set x' shows 'set x'", () => {
  const { device } = setup();
  device.js.outlet(2, "set", "ready");
  assert.equal(device.status(), "set ready");
  assert.throws(() => device.receive(device.byText("prepend set").id, 1, { sel: "bang", args: [] }), /no inlet 1/);
});

test("MIDI passes through the device: clip notes and the keyboard reach the instrument", () => {
  const { device } = setup();
  device.midiIn([0x90, 60, 100, 0x80, 60, 0, 0xb0, 1, 64]);
  assert.deepEqual(device.log.midiOut, [0x90, 60, 100, 0x80, 60, 0, 0xb0, 1, 64]);
  assert.equal(sent(device, "/composer/live/note").length, 0, "LIVE is off: nothing goes to the server");
});

test("load: reply port to [udpreceive] and the server, then every control's value once", () => {
  const { device } = setup({ deviceId: 42 });
  assert.equal(device.replyPort(), 9001 + 100 + 42);
  assert.equal(sent(device, "/composer/reply_port").length, 1);
  const params = device.log.osc.filter((m) => m[0].startsWith("/composer/param/")).map((m) => m[0].split("/").pop());
  for (const name of ["temperature", "top_p", "length", "top_k", "variations", "seed", "key", "scale", "style", "voices", "density"]) {
    assert.ok(params.includes(name), `${name} is sent at load`);
  }
  assert.deepEqual(sent(device, "/composer/param/scale")[0], ["/composer/param/scale", "chromatic"]);
});

test("host and port fields redirect [udpsend]", () => {
  const { device } = setup();
  device.typeHost("192.168.1.20");
  device.set("serverport", 9100);
  device.press("ping");
  assert.deepEqual(device.log.udp.at(-1), { host: "192.168.1.20", port: 9100, atoms: ["/composer/ping"] });
  assert.match(device.status(), /192\.168\.1\.20/);
});

test("style, voices and density menus and boxes send the table's values", () => {
  const { device } = setup();
  device.set("style", 2);
  device.set("voices", 3);
  device.set("density", 4);
  device.set("scale", 1);
  assert.deepEqual(sent(device, "/composer/param/style").at(-1), ["/composer/param/style", device.js.PARAMS.style.values[2]]);
  assert.deepEqual(sent(device, "/composer/param/voices").at(-1), ["/composer/param/voices", 3]);
  assert.deepEqual(sent(device, "/composer/param/density").at(-1), ["/composer/param/density", 4]);
  assert.deepEqual(sent(device, "/composer/param/scale").at(-1), ["/composer/param/scale", "major"]);
});

test("Models fills the menu from /composer/model/available; a choice sends /composer/model", () => {
  const { device } = setup();
  device.press("models");
  assert.deepEqual(sent(device, "/composer/models").length, 1);
  device.deliver("/composer/model/available", "bach", 0);
  device.deliver("/composer/model/available", "folk", 1);
  assert.deepEqual(device.modelMenu().items, ["bach", "folk"]);
  assert.equal(device.modelMenu().selected, 1, "the current model is selected");
  device.chooseModel(0);
  assert.deepEqual(device.log.osc.at(-1), ["/composer/model", "bach"]);
  device.deliver("/composer/model/loaded", "bach");
  assert.equal(device.status(), "model: bach");
});

test("transport: every beat while Live plays sends Live's tempo and song time as the clock", () => {
  const { live, device } = setup({ tempo: 96 });
  device.beat();
  assert.equal(sent(device, "/composer/clock").length, 0, "stopped: no clock");
  live.songTime = 16;
  live.setPlaying(1);
  assert.deepEqual(sent(device, "/composer/clock").at(-1), ["/composer/clock", 96, 16], "start sends the clock at once");
  live.songTime = 17;
  device.beat();
  assert.deepEqual(sent(device, "/composer/clock").at(-1), ["/composer/clock", 96, 17]);
  device.set("sync", 0);
  device.beat();
  assert.equal(sent(device, "/composer/clock").length, 2, "Sync off: no clock");
});

test("live play: notes reaching the device go to the server; streamed notes leave by MIDI out", () => {
  const { device } = setup();
  device.set("livemode", 1);  // harmonize
  device.set("live", 1);
  assert.deepEqual(sent(device, "/composer/live/param/mode").at(-1), ["/composer/live/param/mode", 1]);
  assert.deepEqual(sent(device, "/composer/live/param/autoplay").at(-1), ["/composer/live/param/autoplay", 1]);
  assert.equal(sent(device, "/composer/live/start").length, 0, "harmonize has no voice of its own");
  device.midiIn([0x90, 62, 90, 0x80, 62, 64]);
  assert.deepEqual(sent(device, "/composer/live/note"), [["/composer/live/note", 62, 90], ["/composer/live/note", 62, 0]]);
  device.log.midiOut.length = 0;
  device.deliver("/composer/play/noteon", 57, 72);
  device.deliver("/composer/play/noteon", 53, 70);
  device.deliver("/composer/play/noteoff", 57);
  assert.deepEqual(device.log.midiOut, [0x90, 57, 72, 0x90, 53, 70, 0x90, 57, 0]);
});

test("duet and continue start the model's voice; LIVE off stops it and silences what sounds", () => {
  const { device } = setup();
  device.set("live", 1);
  device.set("livemode", 2);  // duet
  assert.equal(sent(device, "/composer/live/start").length, 1);
  device.deliver("/composer/play/noteon", 70, 100);
  device.log.midiOut.length = 0;
  device.set("live", 0);
  assert.equal(sent(device, "/composer/live/stop").length, 1);
  assert.deepEqual(device.log.midiOut, [0x90, 70, 0], "the sounding note gets its note-off");
});

test("transport stop, the device switched off and Panic each silence the device", () => {
  const { live, device } = setup();
  device.set("live", 1);
  device.set("livemode", 3);  // continue
  live.setPlaying(1);
  device.deliver("/composer/play/noteon", 60, 100);
  device.log.midiOut.length = 0;
  live.setPlaying(0);
  assert.deepEqual(device.log.midiOut, [0x90, 60, 0]);
  assert.equal(sent(device, "/composer/live/stop").length, 1);
  device.deliver("/composer/play/noteon", 61, 100);
  device.switchDevice(false);
  assert.deepEqual(device.log.midiOut.slice(-3), [0x90, 61, 0]);
  device.switchDevice(true);
  device.deliver("/composer/play/noteon", 62, 100);
  device.press("panic");
  assert.deepEqual(device.log.osc.filter((m) => m[0] === "/composer/panic").length, 1);
  assert.deepEqual(device.log.midiOut.slice(-3), [0x90, 62, 0]);
  assert.match(device.status(), /panic: 1 note/);
});

test("Generate writes the answer into a new clip; Launch fires it while Live plays", () => {
  const { live, device } = setup({ filled: [0], slots: 2 });
  device.set("launch", 1);
  live.setPlaying(1);
  device.press("generate");
  assert.deepEqual(sent(device, "/composer/seed/notes").at(-1), ["/composer/seed/notes", 60, 100, 0, 1, 64, 87, 1.5, 0.5]);
  const id = sent(device, "/composer/generate").at(-1)[1];
  device.deliver("/composer/begin", id, 1, 4.0);
  device.deliver("/composer/note", id, 0, 67, 99, 0.0, 1.0);
  device.deliver("/composer/end", id, 0, 1);
  device.runTasks();
  const slot = live.tracks[0].slots[1];
  assert.deepEqual(slot.clip.notes, [{ pitch: 67, start_time: 0, duration: 1, velocity: 99 }]);
  assert.ok(slot.fired, "launched (Live starts it at the next bar, its launch quantization)");
  assert.match(device.status(), /launched at the next bar/);
});

test("Respond asks for an answer now; replies about live play reach the status line", () => {
  const { device } = setup();
  device.press("respond");
  assert.equal(sent(device, "/composer/live/respond").length, 1);
  device.deliver("/composer/live/answer", 3, 8.0, 5);
  assert.match(device.status(), /answer 3 to 5 note/);
  device.deliver("/composer/play/start", 3, 9.0);
  assert.match(device.status(), /playing 3 from beat 9/);
});

test("LIVE and Mode restored by Live before the device is ready reach the server once it is", () => {
  const live = makeLiveSet({ clipNotes: CLIP });
  const device = new Device(DEVICE, live);
  device.set("livemode", 2);  // duet, as saved with the set
  device.set("live", 1);
  assert.deepEqual(device.log.osc, [], "nothing before live.thisdevice says Live is ready");
  device.load();
  assert.deepEqual(sent(device, "/composer/live/param/mode"), [["/composer/live/param/mode", 2]]);
  assert.equal(sent(device, "/composer/live/param/autoplay").length, 1);
  assert.equal(sent(device, "/composer/live/start").length, 1, "once, though the controls report again at load");
});

test("the model's voice stops with Live's transport and starts again with it", () => {
  const { live, device } = setup();
  device.set("livemode", 3);
  device.set("live", 1);
  live.setPlaying(1);
  live.setPlaying(0);
  live.setPlaying(1);
  assert.equal(sent(device, "/composer/live/stop").length, 1);
  assert.equal(sent(device, "/composer/live/start").length, 2, "on LIVE, and when the transport starts after a stop");
});
