/**
 * Node entry point (`npm start`): the server of src/entry/node-server.ts configured from the
 * environment (README "Configuration"), with graceful shutdown on SIGTERM / SIGINT.
 */
import { startNodeServer } from './node-server.ts'

const server = await startNodeServer({ env: process.env })

const shutdown = () => {
  void server.close().then(() => process.exit(0))
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
