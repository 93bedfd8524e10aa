import { run } from './rest.bench.ts'
await run()
