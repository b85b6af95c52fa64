// The nn4j playground page: plain JavaScript, no libraries. The server trains; this page only asks it to (POST
// requests with the settings as URL parameters) and draws what it pushes (server-sent "state" events).
'use strict';

// The colours of nn4j's --plot pictures (DecisionBoundaryPlot): class 0 blue, class 1 red, points darker.
const BLUE = [31, 119, 180];
const RED = [214, 39, 40];
const DARK = [BLUE.map(c => Math.floor(c * 0.7)), RED.map(c => Math.floor(c * 0.7))];
const LEVELS = 20;
const CONTROLS = ['dataset', 'points', 'noise', 'split', 'hidden', 'activation', 'loss', 'optimizer', 'rate',
  'batch', 'seed', 'epochs', 'speed', 'updates'];
const BLOG = {dataset: 'xor', hidden: '4', activation: 'sigmoid', loss: 'mse', optimizer: 'sgd', rate: '0.2',
  batch: '0', seed: '42', epochs: '1000'};

const $ = id => document.getElementById(id);
let session = null;
let events = null;
let data = null;          // the points, the plane and the layer sizes of the current generation
let curve = [];           // [epoch, train, test]
let last = null;          // the last state event

// ---- colours -------------------------------------------------------------------------------------------------

// Mixes white with at most 60% of the colour, as ColorLevels.pale does.
function pale(colour, strength) {
  const s = 0.6 * strength;
  return colour.map(c => Math.round(255 + (c - 255) * s));
}

// A byte (0 = class 0, 255 = class 1) as the --plot pictures colour it: LEVELS steps, white in the middle.
const PALETTE = [];
for (let b = 0; b < 256; b++) {
  const level = Math.round(b / 255 * (LEVELS - 1));
  const t = level / (LEVELS - 1);
  PALETTE.push(t < 0.5 ? pale(BLUE, (0.5 - t) * 2) : pale(RED, (t - 0.5) * 2));
}

function decode(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// Draws a square map of bytes into a rectangle of a canvas, cell by cell.
function drawMap(context, bytes, x, y, size) {
  const cells = Math.round(Math.sqrt(bytes.length));
  const image = context.createImageData(cells, cells);
  for (let i = 0; i < bytes.length; i++) {
    const c = PALETTE[bytes[i]];
    image.data.set([c[0], c[1], c[2], 255], 4 * i);
  }
  const scratch = document.createElement('canvas');
  scratch.width = cells;
  scratch.height = cells;
  scratch.getContext('2d').putImageData(image, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(scratch, x, y, size, size);
}

// ---- talking to the server ------------------------------------------------------------------------------------

function query(settings) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(settings)) parameters.set(name, value);
  return parameters.toString();
}

async function post(path, settings) {
  const response = await fetch(path + (settings ? '?' + query(settings) : ''), {method: 'POST'});
  const body = await response.json().catch(() => ({error: 'the server answered ' + response.status}));
  if (!response.ok) throw new Error(body.error || ('the server answered ' + response.status));
  return body;
}

function action(name) {
  if (!session) return Promise.resolve();
  return post('/api/sessions/' + session + '/' + name).catch(showError);
}

function controlValues() {
  const values = {};
  for (const name of CONTROLS) values[name] = $(name).value;
  return values;
}

function showSettings(settings) {
  for (const name of CONTROLS) if (name in settings) $(name).value = settings[name];
  const shown = new URLSearchParams(settings);
  history.replaceState(null, '', '?' + shown.toString());
}

function showNotes(notes) {
  const box = $('notes');
  box.replaceChildren();
  if (!notes || notes.length === 0) {
    box.hidden = true;
    return;
  }
  const list = document.createElement('ul');
  for (const note of notes) {
    const item = document.createElement('li');
    item.textContent = note;
    list.appendChild(item);
  }
  box.appendChild(list);
  box.hidden = false;
}

function showError(error) {
  showNotes([error.message || String(error)]);
}

async function connect(settings, autostart) {
  const answer = await post('/api/sessions', settings);
  session = answer.id;
  showSettings(answer.settings);
  showNotes(answer.notes);
  events = new EventSource('/api/sessions/' + session + '/events');
  events.addEventListener('state', event => draw(JSON.parse(event.data)));
  events.onerror = () => {
    // A session the server closed (after 30 s without a page, or a restart) answers 404: the stream then stays
    // closed, and only a new page gets a new session.
    $('status').textContent = events.readyState === EventSource.CLOSED
      ? 'the server has closed this session: reload the page' : 'lost the server; reconnecting…';
  };
  if (autostart) await action('start');
}

async function reset(settings, start) {
  curve = [];
  const answer = await post('/api/sessions/' + session + '/reset', settings);
  showSettings(answer.settings);
  showNotes(answer.notes);
  $('explain').textContent = '';
  if (start) await action('start');
}

// ---- drawing --------------------------------------------------------------------------------------------------

function format(loss) {
  return loss === null ? '–' : loss.toFixed(4);
}

function draw(state) {
  last = state;
  if (state.data) {
    data = state.data;
    $('summary').textContent = data.summary;
    // The blog's four points are fixed: no number of points, noise or split applies to them.
    for (const name of ['points', 'noise', 'split']) $(name).disabled = data.settings.dataset === 'xor';
  }
  if (state.curve.reset) curve = [];
  curve.push(...state.curve.points);
  $('epoch').textContent = state.epoch;
  $('train-loss').textContent = format(state.trainLoss);
  $('test-loss').textContent = format(state.testLoss);
  $('train-loss').dataset.value = state.trainLoss;
  $('test-loss').dataset.value = state.testLoss;
  $('status').textContent = state.status;
  $('start').disabled = state.running;
  $('pause').disabled = !state.running;
  $('explain-button').disabled = !data.explainable;
  $('explain-button').title = data.explainable ? '' : data.explainWhy;
  drawBoundary(state);
  drawNetwork(state);
  drawCurve(state);
}

function toCanvas(plane, width, height) {
  return (x, y) => [(x - plane[0]) / (plane[1] - plane[0]) * width,
    (plane[3] - y) / (plane[3] - plane[2]) * height];
}

function drawBoundary(state) {
  const canvas = $('boundary');
  const context = canvas.getContext('2d');
  drawMap(context, decode(state.boundary), 0, 0, canvas.width);
  const at = toCanvas(data.plane, canvas.width, canvas.height);
  const radius = data.train.length > 100 ? 3 : 6;
  for (const [points, ringed] of [[data.train, false], [data.test, true]]) {
    if (ringed && data.testIsTrain) continue;
    for (const [x, y, label] of points) {
      const [px, py] = at(x, y);
      context.beginPath();
      context.arc(px, py, radius, 0, 2 * Math.PI);
      context.fillStyle = 'rgb(' + DARK[label].join(',') + ')';
      context.fill();
      context.lineWidth = ringed ? 1.5 : 1;
      context.strokeStyle = ringed ? '#000' : '#fff';
      context.stroke();
    }
  }
}

function drawNetwork(state) {
  const canvas = $('network');
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const layers = data.layers;
  const size = 36;
  const columnGap = (canvas.width - size) / (layers.length - 1);
  const position = (layer, neuron) => {
    const count = layers[layer];
    const rowGap = Math.min(46, (canvas.height - size) / Math.max(1, count - 1));
    const top = (canvas.height - size - rowGap * (count - 1)) / 2;
    return [layer * columnGap, top + neuron * rowGap];
  };
  // Edges first, so that the neurons cover their ends.
  for (let l = 0; l < state.weights.length; l++) {
    const w = state.weights[l].w;
    for (let i = 0; i < w.length; i++) {
      for (let j = 0; j < w[i].length; j++) {
        const [x1, y1] = position(l, i);
        const [x2, y2] = position(l + 1, j);
        const value = w[i][j];
        context.beginPath();
        context.moveTo(x1 + size, y1 + size / 2);
        context.lineTo(x2, y2 + size / 2);
        context.strokeStyle = 'rgba(' + (value >= 0 ? RED : BLUE).join(',') + ',0.8)';
        context.lineWidth = Math.min(7, 0.3 + Math.abs(value) * 1.2);
        context.stroke();
      }
    }
  }
  // Inputs: x1 grows to the right, x2 upwards.
  for (let i = 0; i < 2; i++) {
    const cells = 16;
    const bytes = new Uint8Array(cells * cells);
    for (let r = 0; r < cells; r++) {
      for (let c = 0; c < cells; c++) bytes[r * cells + c] = Math.round(255 * (i === 0 ? c : cells - 1 - r) / (cells - 1));
    }
    const [x, y] = position(0, i);
    drawMap(context, bytes, x, y, size);
    context.fillStyle = '#222';
    context.fillText('x' + (i + 1), x + 4, y - 3);
  }
  state.neurons.forEach((maps, l) => maps.forEach((map, j) => {
    const [x, y] = position(l + 1, j);
    drawMap(context, decode(map), x, y, size);
  }));
  const [ox, oy] = position(layers.length - 1, 0);
  drawMap(context, decode(state.boundary), ox, oy, size);
  context.fillStyle = '#222';
  context.fillText('output', ox - 4, oy - 3);
  for (let l = 0; l < layers.length; l++) {
    for (let j = 0; j < layers[l]; j++) {
      const [x, y] = position(l, j);
      context.strokeStyle = '#555';
      context.lineWidth = 1;
      context.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
    }
  }
}

function drawCurve(state) {
  const canvas = $('loss-chart');
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const points = curve.slice();
  if (state.epoch > 0 && state.trainLoss !== null) points.push([state.epoch - 1, state.trainLoss, state.testLoss]);
  if (points.length === 0) return;
  const lastEpoch = Math.max(1, points[points.length - 1][0]);
  let top = 0;
  for (const p of points) top = Math.max(top, p[1] || 0, p[2] || 0);
  top = top > 0 ? top * 1.05 : 1;
  const margin = 28;
  const x = e => margin + e / lastEpoch * (canvas.width - margin - 6);
  const y = v => canvas.height - 16 - v / top * (canvas.height - 24);
  context.strokeStyle = '#bbb';
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(margin, 4);
  context.lineTo(margin, canvas.height - 16);
  context.lineTo(canvas.width, canvas.height - 16);
  context.stroke();
  context.fillStyle = '#555';
  context.font = '10px sans-serif';
  context.fillText(top.toFixed(2), 2, 12);
  context.fillText('0', 18, canvas.height - 16);
  context.fillText('epochs: ' + state.epoch, canvas.width - 75, canvas.height - 4);
  for (const [column, colour, dash] of [[2, 'rgb(255,127,14)', [4, 3]], [1, '#222', []]]) {
    context.beginPath();
    context.setLineDash(dash);
    context.strokeStyle = colour;
    context.lineWidth = 1.5;
    let started = false;
    for (const p of points) {
      if (p[column] === null) continue;
      if (started) context.lineTo(x(p[0]), y(p[column])); else context.moveTo(x(p[0]), y(p[column]));
      started = true;
    }
    context.stroke();
  }
  context.setLineDash([]);
}

// ---- wiring ---------------------------------------------------------------------------------------------------

async function setUp() {
  const limits = await (await fetch('/api/limits')).json();
  for (const [name, choices] of [['dataset', limits.datasets], ['activation', limits.activations],
    ['loss', limits.losses], ['optimizer', limits.optimizers]]) {
    for (const choice of choices) {
      const option = document.createElement('option');
      option.value = choice;
      option.textContent = choice;
      $(name).appendChild(option);
    }
  }
  const max = limits.max;
  const ranges = {points: [max.minPoints, max.points], noise: [0, max.noise], split: [max.minSplit, max.split],
    rate: [max.minRate, max.rate], batch: [0, max.batch], seed: [0, max.seed], epochs: [0, max.epochs],
    speed: [1, max.speed], updates: [1, max.updates]};
  for (const [name, [low, high]] of Object.entries(ranges)) {
    $(name).min = low;
    $(name).max = high;
  }
  $('hidden').title += ' (at most ' + max.layers + ' layers of ' + max.neurons + ' neurons)';

  const asked = Object.fromEntries(new URLSearchParams(location.search));
  const autostart = asked.autostart === '1' || asked.autostart === 'true';
  delete asked.autostart;
  await connect(Object.assign({}, limits.defaults, asked), autostart);

  for (const name of CONTROLS) $(name).addEventListener('change', () => reset(controlValues(), false).catch(showError));
  $('start').addEventListener('click', () => action('start'));
  $('pause').addEventListener('click', () => action('pause'));
  $('step').addEventListener('click', () => action('step'));
  $('reset').addEventListener('click', () => reset(controlValues(), false).catch(showError));
  $('preset-blog').addEventListener('click', () => {
    $('story').textContent = 'The blog\'s setup: 2-4-1 sigmoid network, mean squared error, SGD with rate 0.2 '
      + '(the blog\'s 0.1), seed 42, 1000 full-batch epochs. Watch the loss stay near 0.25 and the map stay pale: '
      + 'every prediction stays near 0.5, so it has not learned XOR. Now press 2.';
    reset(Object.assign(controlValues(), BLOG), true).catch(showError);
  });
  $('preset-raise').addEventListener('click', () => {
    $('story').textContent = 'The same network, the same seed, the same 1000 epochs, with the step raised to 2: '
      + 'the loss falls below 0.01 and the map turns red where XOR is 1 and blue where it is 0.';
    reset(Object.assign(controlValues(), BLOG, {rate: '2'}), true).catch(showError);
  });
  $('explain-button').addEventListener('click', async () => {
    try {
      const answer = await post('/api/sessions/' + session + '/explain');
      $('explain').textContent = answer.text;
    } catch (error) {
      showError(error);
    }
  });
  window.addEventListener('pagehide', () => {
    if (session) navigator.sendBeacon('/api/sessions/' + session + '/close');
  });
}

setUp().catch(showError);
