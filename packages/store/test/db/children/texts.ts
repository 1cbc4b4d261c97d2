/** The case texts the concurrency and crash tests write: one distinct text per writer and round. */
export function roundText(writer: string, round: number): string {
  return `{\n  "name": "并发测试案例",\n  "facts": {\n    "writer": "${writer}",\n    "round": ${round}\n  }\n}\n`;
}
