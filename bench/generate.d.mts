export function generateMap(options: { claims: number; perFile?: number; seed?: number; dir: string }): {
  argumentsDir: string;
  textsDir: string;
  files: number;
};
