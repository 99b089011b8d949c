"""The peer of TrainingBenchmark and EmbeddingBenchmark in PyTorch (Debian's python3-torch, python3-torchvision).

train: the paper's CNN (Table 1, 848,226 parameters), random 50x50x3 images, batch 128, RMSprop as Keras 2.2.4
(lr 1e-4, rho 0.9, epsilon 1e-7 outside the root, state from 0: torch's RMSprop is the same formula), cross-entropy
on softmax; the first epoch is a warm-up and not counted, as in TrainingBenchmark.
embed: ResNet50 forward to the 2,048-value average pool, 224x224, batch 32, inference mode; the first batch is a
warm-up. Usage: torch_peer.py train <images> <epochs> <jobs> <threads> [nchw|channels_last] |
embed <images> <batch> <threads>. Prints one line: "torch <what>: <rate> images/s".
"""
import multiprocessing as mp
import sys
import time

import torch
import torch.nn as nn


def paper_cnn():
    net = nn.Sequential(
        nn.Conv2d(3, 32, 3), nn.ReLU(), nn.Conv2d(32, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(64 * 10 * 10, 128), nn.ReLU(), nn.Linear(128, 2))
    for m in net:
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    assert sum(p.numel() for p in net.parameters()) == 848_226
    return net


def train_job(args):
    images, epochs, threads, seed, layout = args
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    x = torch.rand(images, 3, 50, 50)
    y = torch.arange(images) % 2
    net = paper_cnn()
    if layout == "channels_last":
        net = net.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    opt = torch.optim.RMSprop(net.parameters(), lr=1e-4, alpha=0.9, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        order = torch.randperm(images)
        for i in range(0, images, 128):
            idx = order[i:i + 128]
            opt.zero_grad()
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()

    epoch()
    t = time.perf_counter()
    for _ in range(epochs):
        epoch()
    return images * epochs, time.perf_counter() - t


def train(images, epochs, jobs, threads, layout="nchw"):
    work = [(images, epochs, threads, j + 1, layout) for j in range(jobs)]
    if jobs == 1:
        results = [train_job(work[0])]
    else:
        with mp.get_context("spawn").Pool(jobs) as pool:
            results = pool.map(train_job, work)
    total = sum(r[0] for r in results)
    longest = max(r[1] for r in results)
    print(f"torch {layout} jobs={jobs} threads={threads}: {total / longest:.0f} images/s")


def embed(images, batch, threads, folder=None):
    import torchvision
    torch.set_num_threads(threads)
    net = torchvision.models.resnet50()
    net.fc = nn.Identity()  # the 2,048-value average pool, as the embedding stage reads it
    net.eval()
    if folder:
        # the same cell images as ours: decoded, resized to 224x224 bilinear, "caffe" means, channels first
        import os
        from PIL import Image
        files = sorted(os.listdir(folder))
        means = torch.tensor([103.939, 116.779, 123.68]).view(3, 1, 1)

        def load(i):
            img = Image.open(os.path.join(folder, files[i % len(files)])).convert("RGB").resize((224, 224),
                                                                                                Image.BILINEAR)
            t = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).view(224, 224, 3).permute(2, 0, 1)
            return t.flip(0).float() - means

        batches = [torch.stack([load(b * batch + i) for i in range(batch)]) for b in range(images // batch + 1)]
    else:
        batches = [torch.rand(batch, 3, 224, 224)] * (images // batch + 1)
    with torch.inference_mode():
        net(batches[0])
        t = time.perf_counter()
        done = 0
        for x in batches[1:]:
            net(x)
            done += batch
        s = time.perf_counter() - t
    print(f"torch embed batch={batch} threads={threads}: {done / s:.2f} images/s")


if __name__ == "__main__":
    what = sys.argv[1]
    a = [int(v) for v in sys.argv[2:6 if what == "train" else 5]]
    if what == "train":
        train(*a, *sys.argv[6:7])
    else:
        embed(*a, *sys.argv[5:6])
