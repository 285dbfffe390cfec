// `npm run bench`: prints figures for the board (load, move, paint). Measured, never asserted.
import { benchAgents } from "./agents";
import { benchBoard } from "./board";
import { benchEngine } from "./engine";
import { benchLocalImage } from "./media";

console.log(`Reelboard benchmarks - ${new Date().toISOString()}, Node ${process.version}\n`);
await benchBoard();
await benchEngine();
await benchLocalImage();
await benchAgents();
