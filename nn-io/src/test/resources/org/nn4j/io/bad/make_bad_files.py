#!/usr/bin/env python3
"""Writes the malformed model files that MalformedFileTest reads, each a small edit of one of two valid documents:
VALID (a 2-2-1 network) and VALID_STATE (a layer with state, an image-shaped input, a clipped optimizer). The
files of version 1 (its "clipNorm", keys it does not have) are edits of VALID with the version set to 1.

Run from this directory: python3 make_bad_files.py   (the files are committed; rerun after changing this script)
"""

VALID = """{
  "format": "nn4j-model",
  "version": 2,
  "inputSize": 2,
  "layers": [
    {
      "type": "dense",
      "config": {
        "units": 2
      },
      "parameters": {
        "weights": [
          [0.5, -0.25],
          [1.0, 2.0]
        ],
        "bias": [
          [0.0, -0.0]
        ]
      }
    },
    {
      "type": "sigmoid"
    },
    {
      "type": "dense",
      "config": {
        "units": 1
      },
      "parameters": {
        "weights": [
          [0.75],
          [-1.5]
        ],
        "bias": [
          [0.125]
        ]
      }
    }
  ],
  "loss": {
    "type": "mse"
  },
  "optimizer": {
    "type": "sgd",
    "config": {
      "learningRate": 0.2
    }
  }
}
"""


VALID_STATE = """{
  "format": "nn4j-model",
  "version": 2,
  "inputShape": [1, 1, 2],
  "layers": [
    {
      "type": "standardize",
      "state": {
        "mean": [
          [0.5, -0.25]
        ],
        "deviation": [
          [2.0, 0.125]
        ]
      }
    },
    {
      "type": "dense",
      "config": {
        "units": 2
      },
      "parameters": {
        "weights": [
          [0.75, 0.5],
          [-1.5, 1.0]
        ],
        "bias": [
          [0.125, -0.0]
        ]
      }
    },
    {
      "type": "dropout",
      "config": {
        "rate": 0.5
      }
    }
  ],
  "loss": {
    "type": "softmax-cross-entropy"
  },
  "optimizer": {
    "type": "clip-by-global-norm",
    "config": {
      "maxNorm": 1.0
    },
    "optimizer": {
      "type": "sgd",
      "config": {
        "learningRate": 0.2
      }
    }
  }
}
"""


def edit(old, new, count=1, base=VALID):
    assert base.count(old) >= count, old
    return base.replace(old, new, count)


def edit_state(old, new, count=1):
    return edit(old, new, count, VALID_STATE)


def v1(text):
    """The same document as version 1."""
    return text.replace('"version": 2', '"version": 1', 1)


def wrapped(depth):
    """An optimizer object with depth clips, one inside the other, around sgd."""
    inner = '{"type": "sgd", "config": {"learningRate": 0.2}}'
    for _ in range(depth):
        inner = '{"type": "clip-by-global-norm", "config": {"maxNorm": 1.0}, "optimizer": ' + inner + '}'
    return inner


BAD = {
    "empty.json": "",
    "not-an-object.json": "[1, 2, 3]\n",
    "unknown-root-key.json": edit('  "inputSize": 2,', '  "inputSize": 2,\n  "comment": "hi",'),
    "duplicate-root-key.json": edit('  "inputSize": 2,', '  "inputSize": 2,\n  "inputSize": 3,'),
    "trailing-content.json": VALID + "{}\n",
    "trailing-garbage.json": VALID + "garbage\n",
    "missing-version.json": edit('  "version": 2,\n', ''),
    "unsupported-version.json": edit('"version": 2', '"version": 3'),
    "version-as-string.json": edit('"version": 2', '"version": "2"'),
    "wrong-format-name.json": edit('"nn4j-model"', '"keras"'),
    "format-not-first.json": edit('  "format": "nn4j-model",\n  "version": 2,\n',
                                  '  "version": 2,\n  "format": "nn4j-model",\n'),
    "missing-loss.json": edit('  "loss": {\n    "type": "mse"\n  },\n', ''),
    "unknown-layer-type.json": edit('"type": "sigmoid"', '"type": "swsh"'),
    "class-name-as-type.json": edit('"type": "dense"', '"type": "java.lang.Runtime"'),
    "unknown-loss-type.json": edit('"type": "mse"', '"type": "hinge"'),
    "unknown-optimizer-type.json": edit('"type": "sgd"', '"type": "adamw"'),
    "unknown-layer-key.json": edit('      "type": "sigmoid"', '      "type": "sigmoid",\n      "@class": "x"'),
    "unknown-config-key.json": edit('"units": 2', '"units": 2,\n        "activation": "relu"'),
    "duplicate-config-key.json": edit('"units": 2', '"units": 2,\n        "units": 3'),
    "missing-config-key.json": edit('"config": {\n        "units": 2\n      }', '"config": {\n      }'),
    "weights-shape-mismatch.json": edit('          [1.0, 2.0]\n', '          [1.0, 2.0],\n          [3.0, 4.0]\n'),
    "bias-shape-mismatch.json": edit('[0.0, -0.0]', '[0.0, -0.0, 1.0]'),
    "ragged-matrix.json": edit('[1.0, 2.0]', '[1.0]'),
    "missing-parameter.json": edit(',\n        "bias": [\n          [0.125]\n        ]', ''),
    "unknown-parameter.json": edit('"bias": [\n          [0.125]\n        ]',
                                   '"bias": [\n          [0.125]\n        ],\n        "gamma": [[1.0]]'),
    "parameters-on-activation.json": edit('      "type": "sigmoid"',
                                          '      "type": "sigmoid",\n      "parameters": {"weights": [[1.0]]}'),
    "weight-is-string.json": edit('[0.5, -0.25]', '[0.5, "-0.25"]'),
    "weight-is-null.json": edit('[0.5, -0.25]', '[0.5, null]'),
    "weight-is-nan.json": edit('[0.5, -0.25]', '[0.5, NaN]'),
    "weight-is-infinity.json": edit('[0.5, -0.25]', '[0.5, Infinity]'),
    "weight-overflows.json": edit('[0.5, -0.25]', '[0.5, 1e400]'),
    "weight-hex.json": edit('[0.5, -0.25]', '[0.5, 0x10]'),
    "empty-matrix.json": edit('"weights": [\n          [0.75],\n          [-1.5]\n        ]', '"weights": []'),
    "empty-row.json": edit('[0.125]', '[]'),
    "matrix-of-3-dimensions.json": edit('[0.125]', '[[0.125]]'),
    "negative-units.json": edit('"units": 2', '"units": -2'),
    "zero-units.json": edit('"units": 2', '"units": 0'),
    "overflowing-units.json": edit('"units": 2', '"units": 99999999999999999999'),
    "int-overflowing-units.json": edit('"units": 2', '"units": 3000000000'),
    "huge-units.json": edit('"units": 2', '"units": 2000000000'),
    "fractional-units.json": edit('"units": 2', '"units": 2.5'),
    "zero-input-size.json": edit('"inputSize": 2', '"inputSize": 0'),
    "negative-input-size.json": edit('"inputSize": 2', '"inputSize": -1'),
    "no-layers.json": VALID[:VALID.index('  "layers": [')] + '  "layers": [],\n' + VALID[VALID.index('  "loss"'):],
    "negative-learning-rate.json": edit('"learningRate": 0.2', '"learningRate": -0.2'),
    "state-for-stateless-optimizer.json": edit('"learningRate": 0.2\n    }',
                                               '"learningRate": 0.2\n    },\n    "state": {"velocity/layers[0].weights": [[1.0]]}'),
    "config-value-is-array.json": edit('"learningRate": 0.2', '"learningRate": [0.2]'),
    "comment.json": edit('  "inputSize": 2,', '  // a comment\n  "inputSize": 2,'),
    "single-quotes.json": edit('"type": "mse"', "'type': 'mse'"),
    "trailing-comma.json": edit('[0.5, -0.25]', '[0.5, -0.25,]'),
    "unterminated-string.json": VALID[:VALID.index('"sigmoid"') + 5],
    "leading-zero.json": edit('[0.5, -0.25]', '[00.5, -0.25]'),
    # Version 1: gradient clipping as the optimizer's "clipNorm", and the keys version 2 added.
    "negative-clip-norm.json": v1(edit('"learningRate": 0.2\n    }', '"learningRate": 0.2\n    },\n    "clipNorm": -1.0')),
    "zero-clip-norm.json": v1(edit('"learningRate": 0.2\n    }', '"learningRate": 0.2\n    },\n    "clipNorm": 0')),
    "clip-norm-is-string.json": v1(edit('"learningRate": 0.2\n    }',
                                        '"learningRate": 0.2\n    },\n    "clipNorm": "1.0"')),
    "clip-norm-overflows.json": v1(edit('"learningRate": 0.2\n    }', '"learningRate": 0.2\n    },\n    "clipNorm": 1e999')),
    "duplicate-clip-norm.json": v1(edit('"learningRate": 0.2\n    }',
                                        '"learningRate": 0.2\n    },\n    "clipNorm": 1.0,\n    "clipNorm": 2.0')),
    "clip-norm-on-loss.json": v1(edit('    "type": "mse"\n', '    "type": "mse",\n    "clipNorm": 1.0\n')),
    "state-in-version-1.json": v1(edit('      "type": "sigmoid"',
                                       '      "type": "sigmoid",\n      "state": {"mean": [[1.0]]}')),
    "input-shape-in-version-1.json": v1(edit('"inputSize": 2', '"inputShape": [1, 2]')),
    "clip-norm-in-version-2.json": edit('"learningRate": 0.2\n    }', '"learningRate": 0.2\n    },\n    "clipNorm": 1.0'),
    # Version 2: layer state.
    "state-wrong-shape.json": edit_state('[0.5, -0.25]', '[0.5, -0.25, 1.0]'),
    "state-unknown-name.json": edit_state('[2.0, 0.125]\n        ]',
                                          '[2.0, 0.125]\n        ],\n        "median": [[1.0, 2.0]]'),
    "state-missing-name.json": edit_state(',\n        "deviation": [\n          [2.0, 0.125]\n        ]', ''),
    "state-duplicate-name.json": edit_state('[2.0, 0.125]\n        ]',
                                            '[2.0, 0.125]\n        ],\n        "mean": [[1.0, 2.0]]'),
    "state-is-nan.json": edit_state('[2.0, 0.125]', '[2.0, NaN]'),
    "state-is-infinity.json": edit_state('[2.0, 0.125]', '[2.0, -Infinity]'),
    "state-overflows.json": edit_state('[2.0, 0.125]', '[2.0, 1e400]'),
    "state-is-string.json": edit_state('[2.0, 0.125]', '[2.0, "0.125"]'),
    "state-on-dense.json": edit_state('"bias": [\n          [0.125, -0.0]\n        ]\n      }',
                                      '"bias": [\n          [0.125, -0.0]\n        ]\n      },\n'
                                      '      "state": {"velocity": [[1.0]]}'),
    # Version 2: the input's shape.
    "input-shape-and-size.json": edit_state('  "inputShape": [1, 1, 2],', '  "inputShape": [1, 1, 2],\n  "inputSize": 2,'),
    "input-shape-one-axis.json": edit_state('[1, 1, 2]', '[2]'),
    "input-shape-zero-axis.json": edit_state('[1, 1, 2]', '[1, 0, 2]'),
    "input-shape-too-many-axes.json": edit_state('[1, 1, 2]', '[1, 1, 1, 1, 1, 1, 1, 1, 2]'),
    "input-shape-overflows.json": edit_state('[1, 1, 2]', '[65536, 65536]'),
    "input-shape-is-string.json": edit_state('[1, 1, 2]', '"1x1x2"'),
    "missing-input.json": edit_state('  "inputShape": [1, 1, 2],\n', ''),
    # Version 2: an optimizer that wraps another.
    "wrapper-without-optimizer.json": edit_state(',\n    "optimizer": {\n      "type": "sgd",\n      "config": {\n'
                                                 '        "learningRate": 0.2\n      }\n    }', ''),
    "optimizer-inside-sgd.json": edit_state('"learningRate": 0.2\n      }', '"learningRate": 0.2\n      },\n'
                                            '      "optimizer": {"type": "sgd", "config": {"learningRate": 0.1}}'),
    "state-in-wrapped-optimizer.json": edit_state('"learningRate": 0.2\n      }',
                                                  '"learningRate": 0.2\n      },\n      "state": {}'),
    "negative-max-norm.json": edit_state('"maxNorm": 1.0', '"maxNorm": -1.0'),
    "unknown-wrapped-optimizer-type.json": edit_state('"type": "sgd"', '"type": "adamw"'),
    "optimizers-wrapped-too-deep.json": edit('{\n    "type": "sgd",\n    "config": {\n      "learningRate": 0.2\n'
                                             '    }\n  }', wrapped(9)),
    "dropout-rate-is-one.json": edit_state('"rate": 0.5', '"rate": 1.0'),
}

for name, text in BAD.items():
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
print(len(BAD), "bad files written")
