# Spec example (silent), then look-alikes that must not fire.
import torch
import torch.nn.functional as F


def train_epoch(model, loader):
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scaler = torch.cuda.amp.GradScaler()
    for x, y in loader:
        optimizer.zero_grad()
        with torch.autocast("cuda", dtype=torch.float16):
            loss = F.cross_entropy(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()


# Scaler constructed with enabled=False.
def disabled(model, x):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = torch.cuda.amp.GradScaler(enabled=False)
    scaler.scale(model(x).sum()).backward()
    opt.step()


# LR scheduler step and untyped optimizer.
def scheduler(model, x, opt):
    sched = torch.optim.lr_scheduler.StepLR(torch.optim.SGD(model.parameters(), lr=0.1), step_size=10)
    scaler = torch.amp.GradScaler()
    scaler.scale(model(x).sum()).backward()
    sched.step()
    opt.step()


# bf16 autocast without any scaler.
def bf16(model, x):
    opt = torch.optim.AdamW(model.parameters())
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = model(x).mean()
    loss.backward()
    opt.step()


# The scaler lives in another function; a step with a closure argument.
def scale_only(model, x):
    scaler = torch.cuda.amp.GradScaler()
    scaler.scale(model(x).sum()).backward()


def lbfgs(model, x, closure):
    opt = torch.optim.LBFGS(model.parameters())
    scaler = torch.cuda.amp.GradScaler()
    scaler.scale(model(x).sum()).backward()
    opt.step(closure)


# Class-based scaler disabled in __init__.
class Trainer:
    def __init__(self, model):
        self.opt = torch.optim.Adam(model.parameters())
        self.scaler = torch.cuda.amp.GradScaler(enabled=False)

    def train_step(self, loss):
        self.scaler.scale(loss).backward()
        self.opt.step()


# The same optimizer is stepped through the scaler on the AMP path; the
# direct step is the full-precision branch.
def maybe_amp(model, x, use_amp: bool):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp)
    loss = model(x).sum()
    if use_amp:
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
    else:
        loss.backward()
        opt.step()


# Both optimizers of a GAN go through the scaler (keyword form for one).
def gan_ok(gen, disc, real, noise):
    opt_d = torch.optim.Adam(disc.parameters())
    opt_g = torch.optim.Adam(gen.parameters())
    scaler = torch.amp.GradScaler("cuda")
    scaler.scale(disc(real).mean()).backward()
    scaler.step(opt_d)
    scaler.scale(gen(noise).mean()).backward()
    scaler.step(optimizer=opt_g)
    scaler.update()
