// A stand-in for Max and Live, enough to run the osc-composer devices as they ship.
//
// It reads a device file (.amxd, frozen), takes the patcher and the script embedded in
// it, runs the script in a fresh VM context with Max's js globals (outlet, post, inlet,
// messagename, Task, Dict, LiveAPI) and passes every message through the device's own
// patch cords, box by box, with Max's semantics for the objects the devices use:
//   prepend (the argument goes in front of the whole message, selector included),
//   comment ("set a b" shows "a b"; anything else is an error, as in Max),
//   route, sel, t, message boxes, live.text / live.numbox / live.dial / live.menu
//   (a bang reports the value; a user change outputs it), umenu (clear / append / set,
//   a choice outputs index and text), textedit ("text <what was typed>" on Return),
//   midiin -> midiparse / midiout, midiformat (pitch velocity -> note-on bytes),
//   live.thisdevice, metro (one tick per beat, driven by the test), udpsend / udpreceive,
//   live.miditool.in / .out (Live asks synchronously; an answer outside an apply cycle,
//   or none at all, is the error Live shows).
// A box of any other class throws, so a device wired to something unmodelled fails.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const PATCHES = path.resolve(__dirname, "..", "..", "max_patches");

// ------------------------------------------------------------------ the .amxd container

function readAmxd(file) {
  const data = fs.readFileSync(file);
  const chunks = {};
  for (let at = 0; at < data.length;) {
    const tag = data.toString("latin1", at, at + 4);
    const size = data.readUInt32LE(at + 4);
    chunks[tag] = data.subarray(at + 8, at + 8 + size);
    at += 8 + size;
  }
  const ptch = chunks.ptch;
  const files = {};
  let patcher;
  if (ptch.toString("latin1", 0, 4) === "mx@c") {
    const footer = Number(ptch.readBigUInt64BE(8));
    let at = footer + 8;
    const names = [];
    while (at < ptch.length) {
      const size = ptch.readUInt32BE(at + 4);
      const fields = {};
      for (let f = at + 8; f < at + size;) {
        const fsize = ptch.readUInt32BE(f + 4);
        fields[ptch.toString("latin1", f, f + 4)] = ptch.subarray(f + 8, f + fsize);
        f += fsize;
      }
      const name = fields.fnam.toString("utf8").replace(/\0+$/, "");
      files[name] = ptch.subarray(fields.of32.readUInt32BE(0), fields.of32.readUInt32BE(0) + fields.sz32.readUInt32BE(0));
      names.push(name);
      at += size;
    }
    patcher = JSON.parse(files[names[0]].toString("utf8").replace(/\0$/, ""));
    delete files[names[0]];
  } else {
    patcher = JSON.parse(ptch.toString("utf8").replace(/\0$/, ""));
  }
  return { type: chunks.ampf.toString("latin1"), patcher: patcher.patcher, files };
}

// ------------------------------------------------------------------ Max messages

// A message is {sel, args}: "list" for a list of numbers, "int"/"float" for one number.
function message(atoms) {
  if (atoms.length === 1 && Array.isArray(atoms[0])) atoms = atoms[0];
  if (!atoms.length) return { sel: "bang", args: [] };
  if (typeof atoms[0] === "number") {
    if (atoms.length === 1) return { sel: Number.isInteger(atoms[0]) ? "int" : "float", args: atoms };
    return { sel: "list", args: atoms };
  }
  return { sel: String(atoms[0]), args: atoms.slice(1) };
}

function atomsOf(msg) {
  return ["list", "int", "float"].includes(msg.sel) ? msg.args.slice() : msg.sel === "bang" ? [] : [msg.sel, ...msg.args];
}

const text = (msg) => atomsOf(msg).join(" ");

// ------------------------------------------------------------------ Dict (Max's dictionaries)

function makeDicts() {
  const registry = new Map();
  let counter = 0;
  class Dict {
    constructor(name) {
      if (name === undefined) name = `u${++counter}`;
      this.name = String(name);
      if (!registry.has(this.name)) registry.set(this.name, {});
    }
    parse(json) { registry.set(this.name, JSON.parse(json)); }
    stringify() { return JSON.stringify(registry.get(this.name)); }
    get(key) { return registry.get(this.name)[key]; }
  }
  return { Dict, registry, put(value) { const d = new Dict(); d.parse(JSON.stringify(value)); return d.name; } };
}

// ------------------------------------------------------------------ the device

class Device {
  // live: the fake Live set (fake-live.js makeLiveSet); it supplies LiveAPI.
  constructor(file, live) {
    const amxd = readAmxd(file);
    this.type = amxd.type;
    this.patcher = amxd.patcher;
    this.files = amxd.files;
    this.live = live;
    this.boxes = {};
    this.cords = {};
    for (const { box } of this.patcher.boxes) this.boxes[box.id] = box;
    for (const { patchline } of this.patcher.lines) {
      const [src, outlet] = patchline.source;
      (this.cords[`${src}:${outlet}`] ||= []).push(patchline.destination);
    }
    this.state = {};  // per box: values, items, text
    this.log = { osc: [], udp: [], midiOut: [], posts: [], errors: [], tasks: [], toolOut: [], receiver: [] };
    this.dicts = makeDicts();
    this.udp = { host: null, port: null };
    this.onOsc = null;  // (atoms) => void: a test's bridge to a real server
    for (const box of Object.values(this.boxes)) {
      const words = (box.text || "").split(" ");
      if (box.maxclass === "newobj" && words[0] === "udpsend") this.udp = { host: words[1], port: Number(words[2]) };
      if (box.maxclass === "newobj" && words[0] === "js") this.jsBox = box;
    }
    this.loadScript();
  }

  byText(prefix) {
    return Object.values(this.boxes).find((b) => (b.text || "").startsWith(prefix));
  }

  byVarname(name) {
    const box = Object.values(this.boxes).find((b) => b.varname === name);
    if (!box) throw new Error(`no box named ${name}`);
    return box;
  }

  loadScript() {
    const name = this.jsBox.text.split(" ")[1];
    if (!this.files[name]) throw new Error(`${name} is not embedded in the device`);
    const device = this;
    const ctx = {
      inlet: 0,
      messagename: "",
      autowatch: 0,
      inlets: 1,
      outlets: 1,
      post: (t) => device.log.posts.push(String(t)),
      outlet: (n, ...atoms) => device.output(device.jsBox.id, n, message(atoms)),
      Task: class {
        constructor(fn, owner) { this.fn = fn; this.owner = owner; }
        schedule() { device.log.tasks.push(this); }
      },
      Dict: this.dicts.Dict,
      LiveAPI: this.live.LiveAPI,
    };
    vm.createContext(ctx);
    vm.runInContext(this.files[name].toString("utf8"), ctx, { filename: name });
    if (ctx.inlets !== this.jsBox.numinlets || ctx.outlets !== this.jsBox.numoutlets) {
      throw new Error(`[js] box has ${this.jsBox.numinlets}/${this.jsBox.numoutlets} inlets/outlets, the script ${ctx.inlets}/${ctx.outlets}`);
    }
    this.js = ctx;
  }

  runTasks() {
    while (this.log.tasks.length) this.log.tasks.shift().fn.call(null);
  }

  // Out of a box's outlet, along every cord (Max sends right-to-left by position; the
  // order of cords from one outlet does not matter for these devices).
  output(boxId, outlet, msg) {
    const box = this.boxes[boxId];
    if (outlet >= box.numoutlets) throw new Error(`${boxId} (${box.text || box.maxclass}) has no outlet ${outlet}`);
    for (const [dest, inlet] of this.cords[`${boxId}:${outlet}`] || []) this.receive(dest, inlet, msg);
  }

  receive(boxId, inlet, msg) {
    const box = this.boxes[boxId];
    if (inlet >= box.numinlets) throw new Error(`${boxId} (${box.text || box.maxclass}) has no inlet ${inlet}`);
    const words = (box.text || "").split(" ");
    const kind = box.maxclass === "newobj" ? words[0] : box.maxclass;
    const st = (this.state[boxId] ||= {});
    const out = (n, m) => this.output(boxId, n, m);
    switch (kind) {
      case "js": return this.toScript(inlet, msg);
      case "prepend": return out(0, { sel: words[1], args: [...words.slice(2).map(atom), ...atomsOf(msg)] });
      case "comment":
        if (msg.sel !== "set") throw new Error(`comment doesn't understand "${msg.sel}"`);
        st.text = msg.args.join(" ");
        return undefined;
      case "message": return out(0, message(box.text.split(" ").map(atom)));
      case "t": {
        const types = words.slice(1);
        for (let i = types.length - 1; i >= 0; i--) {
          out(i, types[i] === "b" ? { sel: "bang", args: [] } : msg);
        }
        return undefined;
      }
      case "sel": {
        const value = atomsOf(msg)[0];
        return String(value) === words[1] ? out(0, { sel: "bang", args: [] }) : out(1, msg);
      }
      case "route": {
        const i = words.slice(1).indexOf(msg.sel);
        return i >= 0 ? out(i, message(msg.args)) : out(words.length - 1, msg);
      }
      case "udpsend": return this.toUdp(msg);
      case "udpreceive":
        if (msg.sel !== "port") throw new Error(`udpreceive doesn't understand ${msg.sel}`);
        st.port = msg.args[0];
        this.log.receiver.push(msg.args[0]);
        return undefined;
      case "midiout": {
        for (const byte of atomsOf(msg)) this.log.midiOut.push(byte);
        return undefined;
      }
      case "midiparse": {
        st.bytes ||= [];
        for (const byte of atomsOf(msg)) {
          if (byte >= 0x80) st.bytes = [byte];
          else if (st.bytes.length) st.bytes.push(byte);
          if (st.bytes.length === 3) {
            const [status, pitch, velocity] = st.bytes;
            if ((status & 0xf0) === 0x90) out(0, { sel: "list", args: [pitch, velocity] });
            if ((status & 0xf0) === 0x80) out(0, { sel: "list", args: [pitch, 0] });
            st.bytes = [status];  // running status
          }
        }
        return undefined;
      }
      case "midiformat": {
        if (inlet !== 0) return undefined;
        const [pitch, velocity] = atomsOf(msg);
        for (const byte of [0x90, pitch, velocity]) out(0, { sel: "int", args: [byte] });
        return undefined;
      }
      case "live.text": case "live.numbox": case "live.dial": case "live.menu":
        if (msg.sel === "bang") return out(0, this.valueMessage(box));
        st.value = atomsOf(msg)[0];
        return out(0, this.valueMessage(box));
      case "umenu":
        st.items ||= [];
        if (msg.sel === "clear") st.items = [];
        else if (msg.sel === "append") st.items.push(msg.args.join(" "));
        else if (msg.sel === "set") st.selected = msg.args[0];
        else throw new Error(`umenu: ${msg.sel}?`);
        return undefined;
      case "live.miditool.out": return this.toolAnswer(msg);
      case "live.miditool.in":
        if (msg.sel !== "bang") throw new Error("live.miditool.in takes a bang");
        return this.applyCycle(true);
      default:
        throw new Error(`the harness does not model ${kind} (${boxId})`);
    }
  }

  valueMessage(box) {
    const valueof = box.saved_attribute_attributes.valueof;
    const st = (this.state[box.id] ||= {});
    if (st.value === undefined) st.value = (valueof.parameter_initial || [0])[0];
    const type = valueof.parameter_type;
    const value = type === 0 ? Number(st.value) : Math.round(Number(st.value));
    return { sel: Number.isInteger(value) && type !== 0 ? "int" : "float", args: [value] };
  }

  toScript(inlet, msg) {
    const js = this.js;
    js.inlet = inlet;
    js.messagename = msg.sel;
    const fn = { int: "msg_int", float: "msg_float" }[msg.sel] || msg.sel;
    if (typeof js[fn] === "function" && !fn.startsWith("/")) return js[fn](...msg.args);
    if (typeof js.anything === "function") return js.anything(...msg.args);
    throw new Error(`js: no function for ${msg.sel}`);
  }

  toUdp(msg) {
    if (msg.sel === "host") { this.udp.host = msg.args[0]; return; }
    if (msg.sel === "port") { this.udp.port = msg.args[0]; return; }
    const atoms = [msg.sel, ...msg.args];
    if (!String(msg.sel).startsWith("/")) this.log.errors.push(`udpsend sent ${msg.sel} as an OSC address`);
    this.log.osc.push(atoms);
    this.log.udp.push({ host: this.udp.host, port: this.udp.port, atoms });
    if (this.onOsc) this.onOsc(atoms, this.udp);
  }

  // ---- what Live and the user do

  load() {
    this.output(this.byText("live.thisdevice").id, 0, { sel: "bang", args: [] });
  }

  switchDevice(on) {
    this.output(this.byText("live.thisdevice").id, 1, { sel: "int", args: [on ? 1 : 0] });
  }

  beat() {
    this.output(this.byText("metro").id, 0, { sel: "bang", args: [] });
  }

  // A user turns, clicks or picks a control (by its varname).
  set(varname, value) {
    const box = this.byVarname(varname);
    this.receive(box.id, 0, { sel: typeof value === "number" ? "float" : String(value), args: typeof value === "number" ? [value] : [] });
  }

  press(varname) {
    this.set(varname, 1);
    this.set(varname, 0);
  }

  typeHost(textTyped) {
    const box = Object.values(this.boxes).find((b) => b.maxclass === "textedit");
    this.output(box.id, 0, { sel: "text", args: textTyped.split(" ") });
  }

  chooseModel(index) {
    const box = Object.values(this.boxes).find((b) => b.maxclass === "umenu");
    const st = this.state[box.id];
    this.output(box.id, 1, message([st.items[index]]));
  }

  modelMenu() {
    const box = Object.values(this.boxes).find((b) => b.maxclass === "umenu");
    return this.state[box.id] || { items: [] };
  }

  midiIn(bytes) {
    const box = this.byText("midiin");
    for (const byte of bytes) this.output(box.id, 0, { sel: "int", args: [byte] });
  }

  // A reply from the network: [udpreceive] outputs the OSC address as the selector.
  deliver(address, ...args) {
    this.output(this.byText("udpreceive").id, 0, { sel: address, args });
  }

  status() {
    const box = Object.values(this.boxes).find((b) => b.maxclass === "comment" && this.state[b.id] && this.state[b.id].text !== undefined);
    return box ? this.state[box.id].text : undefined;
  }

  replyPort() {
    return this.log.receiver.at(-1);
  }

  // ---- live.miditool.in: an apply cycle (Live asks; the answer must come back at once)

  // The context and notes Live would send for the current clip selection.
  setToolInput(notes, context) {
    this.toolInput = { notes, context };
  }

  apply() {
    return this.applyCycle(false);
  }

  applyCycle(continuing) {
    if (!this.toolInput) throw new Error("no clip selected for the MIDI Tool");
    if (this.inCycle) throw new Error("live.miditool.in banged during its own apply cycle");
    const box = this.byText("live.miditool.in");
    this.inCycle = true;
    this.answered = null;
    try {
      // Max's right-to-left order: the context (right outlet) before the notes (left outlet)
      this.output(box.id, 1, { sel: "dictionary", args: [this.dicts.put(this.toolInput.context)] });
      this.output(box.id, 0, { sel: "dictionary", args: [this.dicts.put({ notes: this.toolInput.notes })] });
    } finally {
      this.inCycle = false;
    }
    if (!this.answered) throw new Error("Did not receive a Note dictionary in time. Make sure that the dictionary is synchronous.");
    this.log.toolOut.push({ continuing, notes: this.answered });
    return this.answered;
  }

  toolAnswer(msg) {
    if (!this.inCycle) throw new Error("Received a Note dictionary asynchronously. Make sure that the dictionary is synchronous.");
    if (msg.sel !== "dictionary") throw new Error(`live.miditool.out received ${msg.sel}, not a dictionary`);
    const dict = JSON.parse(new this.dicts.Dict(msg.args[0]).stringify());
    if (!Array.isArray(dict.notes)) throw new Error("The Note dictionary received from Max was malformed: The key `notes` is missing.");
    for (const note of dict.notes) {
      for (const key of ["pitch", "start_time", "duration"]) {
        if (!(key in note)) throw new Error(`The Note dictionary received from Max was malformed: The key \`${key}\` is missing.`);
      }
    }
    this.answered = dict.notes;
  }
}

function atom(word) {
  return word !== "" && !isNaN(Number(word)) ? Number(word) : word;
}

module.exports = { Device, readAmxd, message, PATCHES };
