#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# usage: delay_relay.py LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS
# A TCP relay that holds every chunk DELAY_MS before passing it on, each way, in order: the
# one-way delay of a link, for kernels without sch_netem (tools/netem-bench.sh). It terminates
# TCP, so the delay is what the application sees; the rate is left to the kernel (tc tbf).
import asyncio
import sys


async def pipe(reader, writer, delay):
    queue = asyncio.Queue()

    async def later():
        while True:
            due, data = await queue.get()
            wait = due - asyncio.get_running_loop().time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                writer.close()
                return
            writer.write(data)
            await writer.drain()

    sender = asyncio.ensure_future(later())
    try:
        while True:
            data = await reader.read(65536)
            queue.put_nowait((asyncio.get_running_loop().time() + delay, data or None))
            if not data:
                break
        await sender
    except (ConnectionError, OSError):
        sender.cancel()
        writer.close()


async def main():
    listen_host, listen_port, target_host, target_port, delay_ms = sys.argv[1:6]
    delay = float(delay_ms) / 1000

    async def serve(client_reader, client_writer):
        try:
            host_reader, host_writer = await asyncio.open_connection(target_host, int(target_port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, host_writer, delay), pipe(host_reader, client_writer, delay),
                             return_exceptions=True)

    server = await asyncio.start_server(serve, listen_host, int(listen_port), backlog=1024)
    print("relay ready", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
