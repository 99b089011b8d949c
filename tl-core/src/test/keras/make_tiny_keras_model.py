"""Writes a tiny full Keras 2.2.4-format model file (topology and weights) and the embedding it must give.

The test fixture tiny-keras-cnn.h5 lets the unit tests exercise the real Deeplearning4j Keras import without the
100 MB ResNet50 file. No Keras is needed: the HDF5 layout is written with h5py (Debian: python3-h5py), and the
expected embedding is computed here with numpy, independently of Deeplearning4j.

Run from this folder with Debian's Python: /usr/bin/python3 make_tiny_keras_model.py
"""
import json

import h5py
import numpy as np

SIZE = 16
OUT = "../resources/org/tlrepro/core/embed/"
rng = np.random.default_rng(7)

conv1_k = rng.normal(0, 0.2, (3, 3, 3, 6)).astype(np.float32)   # Keras layout: kh, kw, in, out
conv1_b = rng.normal(0, 0.1, (6,)).astype(np.float32)
bn_gamma = rng.uniform(0.5, 1.5, (6,)).astype(np.float32)
bn_beta = rng.normal(0, 0.1, (6,)).astype(np.float32)
bn_mean = rng.normal(0, 0.5, (6,)).astype(np.float32)
bn_var = rng.uniform(0.5, 2.0, (6,)).astype(np.float32)
conv2_k = rng.normal(0, 0.2, (3, 3, 6, 5)).astype(np.float32)
conv2_b = rng.normal(0, 0.1, (5,)).astype(np.float32)
dense_k = rng.normal(0, 0.2, (5, 2)).astype(np.float32)
dense_b = np.zeros((2,), np.float32)
EPS = 1e-3


def layer(class_name, name, inbound, **config):
    config["name"] = name
    config.setdefault("trainable", True)
    return {"name": name, "class_name": class_name, "config": config,
            "inbound_nodes": [[[i, 0, 0, {}] for i in inbound]] if inbound else []}


conv_common = dict(padding="valid", data_format="channels_last", dilation_rate=[1, 1], use_bias=True,
                   kernel_initializer={"class_name": "Zeros", "config": {}},
                   bias_initializer={"class_name": "Zeros", "config": {}},
                   kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                   kernel_constraint=None, bias_constraint=None)
layers = [
    layer("InputLayer", "input_1", [], batch_input_shape=[None, SIZE, SIZE, 3], dtype="float32", sparse=False),
    layer("Conv2D", "conv1", ["input_1"], filters=6, kernel_size=[3, 3], strides=[1, 1], activation="linear",
          **conv_common),
    layer("BatchNormalization", "bn1", ["conv1"], axis=-1, momentum=0.99, epsilon=EPS, center=True, scale=True,
          beta_initializer={"class_name": "Zeros", "config": {}},
          gamma_initializer={"class_name": "Ones", "config": {}},
          moving_mean_initializer={"class_name": "Zeros", "config": {}},
          moving_variance_initializer={"class_name": "Ones", "config": {}},
          beta_regularizer=None, gamma_regularizer=None, beta_constraint=None, gamma_constraint=None),
    layer("Activation", "relu1", ["bn1"], activation="relu"),
    layer("MaxPooling2D", "pool1", ["relu1"], pool_size=[2, 2], padding="valid", strides=[2, 2],
          data_format="channels_last"),
    layer("Conv2D", "conv2", ["pool1"], filters=5, kernel_size=[3, 3], strides=[1, 1], activation="relu",
          **conv_common),
    layer("GlobalAveragePooling2D", "avg_pool", ["conv2"], data_format="channels_last"),
    layer("Dense", "predictions", ["avg_pool"], units=2, activation="softmax", use_bias=True,
          kernel_initializer={"class_name": "Zeros", "config": {}},
          bias_initializer={"class_name": "Zeros", "config": {}},
          kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
          kernel_constraint=None, bias_constraint=None),
]
model_config = {"class_name": "Model", "config": {
    "name": "tiny", "layers": layers,
    "input_layers": [["input_1", 0, 0]], "output_layers": [["predictions", 0, 0]]}}

weights = {
    "conv1": [("kernel:0", conv1_k), ("bias:0", conv1_b)],
    "bn1": [("gamma:0", bn_gamma), ("beta:0", bn_beta), ("moving_mean:0", bn_mean), ("moving_variance:0", bn_var)],
    "conv2": [("kernel:0", conv2_k), ("bias:0", conv2_b)],
    "predictions": [("kernel:0", dense_k), ("bias:0", dense_b)],
}

with h5py.File(OUT + "tiny-keras-cnn.h5", "w") as f:
    f.attrs["keras_version"] = np.bytes_("2.2.4")
    f.attrs["backend"] = np.bytes_("tensorflow")
    f.attrs["model_config"] = np.bytes_(json.dumps(model_config))
    g = f.create_group("model_weights")
    g.attrs["layer_names"] = [np.bytes_(l["name"]) for l in layers]
    g.attrs["keras_version"] = np.bytes_("2.2.4")
    g.attrs["backend"] = np.bytes_("tensorflow")
    for l in layers:
        lg = g.create_group(l["name"])
        names = [l["name"] + "/" + w for w, _ in weights.get(l["name"], [])]
        lg.attrs["weight_names"] = [np.bytes_(n) for n in names]
        for (w, value), n in zip(weights.get(l["name"], []), names):
            lg.create_dataset(n, data=value)


def image():
    """The test image, defined by a formula the Java test repeats: RGB value of pixel (y, x), channel c."""
    y, x, c = np.meshgrid(np.arange(SIZE), np.arange(SIZE), np.arange(3), indexing="ij")
    return ((y * 16 + x * 3 + c * 50) % 256).astype(np.float32)


def conv(x, k, b):
    kh, kw, _, out = k.shape
    h, w = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    y = np.zeros((h, w, out), np.float64)
    for i in range(h):
        for j in range(w):
            y[i, j] = np.tensordot(x[i:i + kh, j:j + kw, :], k, axes=([0, 1, 2], [0, 1, 2])) + b
    return y


def embed(rgb, mode):
    if mode == "caffe":
        x = rgb[:, :, ::-1] - np.array([103.939, 116.779, 123.68])
    else:
        x = rgb / 127.5 - 1
    y = conv(x, conv1_k, conv1_b)
    y = bn_gamma * (y - bn_mean) / np.sqrt(bn_var + EPS) + bn_beta
    y = np.maximum(y, 0)
    h, w = y.shape[0] // 2, y.shape[1] // 2
    y = y[:2 * h, :2 * w].reshape(h, 2, w, 2, -1).max(axis=(1, 3))
    y = np.maximum(conv(y, conv2_k, conv2_b), 0)
    return y.mean(axis=(0, 1))


with open(OUT + "tiny-keras-cnn-expected.json", "w") as f:
    json.dump({"size": SIZE, "layer": "avg_pool",
               "caffe": embed(image(), "caffe").tolist(), "tf": embed(image(), "tf").tolist()}, f, indent=1)
print("written")
