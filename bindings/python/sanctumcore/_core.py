"""Contexts, errors and versions: the foundation every other class builds on."""
from __future__ import annotations

import enum
import threading
import weakref
from typing import Optional, Union

from ._native import ffi, lib

ABI_EXPECTED = 1


class Status(enum.IntEnum):
    OK = 0
    INVALID_ARG = 1
    NOMEM = 2
    LIMIT = 3
    PARSE = 4
    UTF8 = 5
    IO = 6
    NOT_FOUND = 7
    EXISTS = 8
    CRYPTO = 9
    DB = 10
    TAMPERED = 11
    UNSUPPORTED = 12
    BUFFER_TOO_SMALL = 13
    STATE = 14
    INTERNAL = 15


class SanctumError(Exception):
    """A failed library call: ``status`` (Status), ``offset`` (byte offset into the input, or None) and
    ``message``. Messages never contain input bytes."""

    def __init__(self, status: int, offset: Optional[int], message: str):
        self.status = Status(status) if status in Status._value2member_map_ else status
        self.offset = offset
        self.message = message
        where = f" at byte {offset}" if offset is not None else ""
        name = ffi.string(lib.sanctum_status_name(status)).decode()
        super().__init__(f"{name}{where}: {message}")

    def __reduce__(self):
        # (multiprocessing and concurrent.futures pickle a worker's exception: rebuilt from its fields)
        return (type(self), (int(self.status), self.offset, self.message))


def new_error():
    return ffi.new("sanctum_error *")


def check(status: int, err) -> None:
    """Raises SanctumError for a non-OK status, with the details of the filled error struct."""
    if status == lib.SANCTUM_OK:
        return
    offset = None if err.offset == 0xFFFFFFFFFFFFFFFF else int(err.offset)
    message = ffi.string(err.message).decode("utf-8", "replace") or ffi.string(
        lib.sanctum_status_message(status)).decode()
    raise SanctumError(int(status), offset, message)


def as_bytes(data: Union[str, bytes, bytearray, memoryview], what: str = "input") -> bytes:
    """str is encoded as UTF-8; bytes-like objects pass through; anything else is a TypeError."""
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"{what} must be str or bytes, not {type(data).__name__}")


def take_bytes(outp, lenp) -> bytes:
    """Copies a library-allocated output buffer into Python and frees (wipes) the native one."""
    try:
        return bytes(ffi.buffer(outp[0], lenp[0])) if outp[0] != ffi.NULL else b""
    finally:
        lib.sanctum_free(outp[0])


def version() -> str:
    return ffi.string(lib.sanctum_version_string()).decode()


def abi_version() -> int:
    return int(lib.sanctum_abi_version())


def version_line(prog: str) -> str:
    """What `PROG --version` prints, in the form of `sanctum --version`'s first line."""
    return f"{prog} {version()} (ABI {abi_version()})"


if abi_version() != ABI_EXPECTED:
    raise ImportError(f"libsanctumcore ABI {abi_version()} does not match these bindings ({ABI_EXPECTED})")


class _NativeOwner:
    """An object owning a native handle it frees once.

    Native calls hold it (`with self._using() as ptr:`), and so does every handle that borrows it natively
    (a Session its Detector and Identities, a StreamRestorer its Session, every handle its Context): close()
    refuses new calls at once but frees the native handle only when the last of them has let go. Closing a
    Session while another thread (an executor's, under asyncio) is in one of its calls, or a Detector
    before the sessions using it, freed memory still in use (a use-after-free).

    Handles the core makes single-threaded (sessions, stream restorers, chat documents, ledgers: sanctum.h)
    set `_serial`: their calls, and those of handles borrowing them, are taken one at a time, so threads
    sharing one cannot run two calls in its state at once.

    A copy would free the handle again (a double free), so copy, deepcopy and pickle are refused."""

    _ptr = None
    _closing = False
    _what = None  # the name in "... is closed" (the class name unless set)
    _serial = False  # one call at a time (a handle the core makes single-threaded)
    _call_locks = ()

    def _own(self, ptr, borrowed=()) -> None:
        """Takes ownership of ptr; `borrowed` owners are held until ptr is freed (each must be open)."""
        self._lock = threading.Lock()
        self._users = 0
        self._closing = False
        held = []
        try:
            for owner in borrowed:
                owner._hold()
                held.append(owner)
        except BaseException:
            for owner in held:
                owner._release()
            self._free(ptr)
            raise
        self._borrowed = tuple(held)
        # The call locks a call takes, in this order: those of the serial handles it borrows, then its own.
        self._call_locks = tuple(o._call_locks[-1] for o in held if o._serial) + \
            ((threading.RLock(),) if self._serial else ())
        self._ptr = ptr

    def _closed_error(self) -> ValueError:
        return ValueError(f"{self._what or type(self).__name__} is closed")

    @property
    def ptr(self):
        """The native pointer, for a call made while it is held otherwise (see _using)."""
        if self._ptr is None or self._closing:
            raise self._closed_error()
        return self._ptr

    @property
    def closed(self) -> bool:
        return self._ptr is None or self._closing

    def _hold(self):
        # Nothing is allocated under the lock: an allocation may run the cyclic collector, whose finalizer of
        # a handle borrowing this one takes this lock to release it (a deadlock on the thread's own lock).
        with self._lock:
            ptr = self._ptr
            if ptr is not None and not self._closing:
                self._users += 1
                return ptr
        raise self._closed_error()

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            ptr = self._take_if_idle()
        if ptr is not None:
            self._finish(ptr)

    def _using(self) -> "_Use":
        """`with owner._using() as ptr:` holds the owner for a native call."""
        return _Use(self)

    def _take_if_idle(self):
        """(under the lock) The pointer to free now, if closing and nothing uses it any more."""
        if self._closing and self._users == 0 and self._ptr is not None:
            ptr, self._ptr = self._ptr, None
            return ptr
        return None

    def _before_free(self) -> None:
        """Called once by close(), before the handle is freed (a Context closes its handles)."""

    def close(self) -> None:
        """Refuses new calls; frees the native handle now, or when the calls and handles using it end."""
        if self._ptr is None:
            return
        with self._lock:
            if self._closing:
                return
            self._closing = True
        self._before_free()
        with self._lock:
            ptr = self._take_if_idle()
        if ptr is not None:
            self._finish(ptr)

    def _finish(self, ptr) -> None:
        self._free(ptr)
        borrowed, self._borrowed = self._borrowed, ()
        for owner in borrowed:
            owner._release()

    def _free(self, ptr) -> None:
        lib.sanctum_free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __reduce_ex__(self, protocol):
        raise TypeError(f"{type(self).__name__} cannot be copied or pickled: it owns a native handle "
                        "(make a new one where it is needed)")


class _Use:
    __slots__ = ("owner", "locks")

    def __init__(self, owner: _NativeOwner):
        self.owner = owner
        self.locks = owner._call_locks if owner._ptr is not None else ()

    def __enter__(self):
        ptr = self.owner._hold()
        taken = []
        try:
            for lock in self.locks:
                lock.acquire()
                taken.append(lock)
        except BaseException:
            for lock in reversed(taken):
                lock.release()
            self.owner._release()
            raise
        return ptr

    def __exit__(self, *exc) -> None:
        for lock in reversed(self.locks):
            lock.release()
        self.owner._release()


class Context(_NativeOwner):
    """Memory accounting and limits shared by everything made from it. Thread-safe.

    memory_budget: bytes the context may hold at once (0 = unlimited); max_input_bytes: largest single
    input; max_depth: nesting limit for structured input."""

    def __init__(self, memory_budget: int = 0, max_input_bytes: Optional[int] = None,
                 max_depth: Optional[int] = None):
        opts = ffi.new("sanctum_ctx_options *")
        lib.sanctum_ctx_options_init(opts)
        for name, value in (("memory_budget", memory_budget), ("max_input_bytes", max_input_bytes),
                            ("max_depth", max_depth)):
            if value is None:
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise TypeError(f"{name} must be a non-negative int")
            setattr(opts, name, value)
        out = ffi.new("sanctum_ctx **")
        err = new_error()
        check(lib.sanctum_ctx_new(out, opts, err), err)
        self._children = weakref.WeakSet()
        self._own(out[0])

    _what = "context"

    @classmethod
    def of_native(cls, ptr) -> "Context":
        """A Context owning a native context made with sanctum_ctx_new (closed, and freed, by close())."""
        self = cls.__new__(cls)
        self._children = weakref.WeakSet()
        self._own(ptr)
        return self

    def _adopt(self, child) -> None:
        """Registers a handle made from this context: closing the context closes it first."""
        self._children.add(child)

    def stats(self) -> dict:
        s = ffi.new("sanctum_stats *")
        s.struct_size = ffi.sizeof("sanctum_stats")
        with self._using() as ptr:
            if lib.sanctum_ctx_stats(ptr, s) != lib.SANCTUM_OK:
                raise SanctumError(lib.SANCTUM_E_INVALID_ARG, None, "stats failed")
        return {k: int(getattr(s, k)) for k in ("current_bytes", "peak_bytes", "total_bytes", "current_blocks",
                                                "peak_blocks", "total_blocks", "failed_allocs")}

    def options(self) -> dict:
        o = ffi.new("sanctum_ctx_options *")
        lib.sanctum_ctx_options_init(o)
        with self._using() as ptr:
            lib.sanctum_ctx_get_options(ptr, o)
        return {"memory_budget": int(o.memory_budget), "max_input_bytes": int(o.max_input_bytes),
                "max_depth": int(o.max_depth)}

    def _before_free(self) -> None:
        for child in list(self._children):  # (each holds the context until it is freed)
            child.close()

    def _free(self, ptr) -> None:
        lib.sanctum_ctx_free(ptr)

    def __enter__(self) -> "Context":
        return self


class Handle(_NativeOwner):
    """Base of every native handle: freed with sanctum_free on close(), `with` exit or collection.
    Holds its context (and the handles it borrows natively) until freed, and is closed by the context."""

    def __init__(self, ctx: Context, ptr, borrowed=()):
        self._ctx = ctx
        self._own(ptr, (ctx, *borrowed))
        ctx._adopt(self)
        if ctx._closing:  # closed after _own held it, maybe before it was adopted: closed with its siblings
            self.close()
            raise ctx._closed_error()
