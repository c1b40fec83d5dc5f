export function generateMap(options: { claims: number; perFile?: number; seed?: number; dir: string }): {
  argumentsDir: string;
  textsDir: string;
  files: number;
};
export function generateDebateMap(options: { claims: number; seed?: number; dir: string; quotes?: boolean; errors?: boolean }): {
  argumentsDir: string;
  files: number;
};
