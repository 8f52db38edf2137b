"""Calls to the four services: a bearer token per call (the actor's own), a deadline on every
call, and retries of what a restarting service refuses (UNAVAILABLE and friends). Mutating calls
carry a request_id chosen by the caller, so a retried write returns its first answer."""

import random
import threading
import time

import grpc

CALL_TIMEOUT = 30  # seconds
RETRY_FOR = 120  # seconds a call keeps being retried while its service is away
RETRIED = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED,
           grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.UNKNOWN}


class CallFailed(Exception):
    """A call that failed for good: the method, the status code, the reason and the message."""

    def __init__(self, method, error, reason):
        self.method, self.code, self.reason = method, error.code(), reason
        self.details = error.details() or ""
        super().__init__(f"{method}: {self.code.name} {reason} {self.details}".strip())


class Api:
    """Stubs of the four services on the addresses of endpoints.env."""

    def __init__(self, pb, endpoints):
        self.pb = pb
        options = [("grpc.max_receive_message_length", 64 << 20)]
        self._channels = []

        def channel(key):
            ch = grpc.insecure_channel(endpoints[key], options=options)
            self._channels.append(ch)
            return ch

        self.employee = pb.employee_grpc.EmployeeServiceStub(channel("EMPLOYEE_ADDR"))
        self.goals = pb.goals_grpc.GoalServiceStub(channel("GOALS_ADDR"))
        self.review = pb.review_grpc.ReviewServiceStub(channel("REVIEW_ADDR"))
        self.analytics = None
        if "ANALYTICS_ADDR" in endpoints:
            self.analytics = pb.analytics_grpc.AnalyticsServiceStub(channel("ANALYTICS_ADDR"))
        self.retries = 0
        self._lock = threading.Lock()

    def reason(self, error):
        """ErrorInfo.reason of a failed call ("" when there is none)."""
        for key, value in error.trailing_metadata() or ():
            if key == "grpc-status-details-bin":
                status = self.pb.rpc_status.Status()
                status.ParseFromString(value)
                for detail in status.details:
                    info = self.pb.error_details.ErrorInfo()
                    if detail.Unpack(info):
                        return info.reason
        return ""

    def call(self, method, request, token, timeout=CALL_TIMEOUT):
        """method(request) as the token's holder; retries while the service is away."""
        give_up = time.monotonic() + RETRY_FOR
        delay = 0.1
        attempt = 0
        while True:
            attempt += 1
            try:
                metadata = [("authorization", f"Bearer {token}")] if token else []
                return method(request, metadata=metadata, timeout=timeout)
            except grpc.RpcError as error:
                # At least three attempts, however long one took (a stalled call can outlast
                # RETRY_FOR on its own).
                if error.code() not in RETRIED or (time.monotonic() > give_up and attempt >= 3):
                    raise CallFailed(_name(method), error, self.reason(error)) from None
                with self._lock:
                    self.retries += 1
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 2.0)

    def stream(self, method, request_factory, token, timeout=300):
        """A streaming call (client or server side) retried whole; request_factory() gives a
        fresh request (iterator) per attempt. Server streams are returned as a list."""
        give_up = time.monotonic() + RETRY_FOR
        while True:
            try:
                metadata = [("authorization", f"Bearer {token}")]
                result = method(request_factory(), metadata=metadata, timeout=timeout)
                return list(result) if hasattr(result, "__iter__") and not hasattr(
                    result, "DESCRIPTOR") else result
            except grpc.RpcError as error:
                if error.code() not in RETRIED or time.monotonic() > give_up:
                    raise CallFailed(_name(method), error, self.reason(error)) from None
                with self._lock:
                    self.retries += 1
                time.sleep(0.5)


def _name(method):
    name = getattr(method, "_method", b"")
    if isinstance(name, bytes):
        name = name.decode()
    return name.rsplit("/", 1)[-1] or repr(method)
