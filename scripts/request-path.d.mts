export declare function decodablePath(target: string): string;
