// Types for the part of the espeak-ng WebAssembly build that synthesize.js uses (it ships none).
declare module 'espeak-ng' {
	type Options = {
		arguments: string[];
		print?: (text: string) => void;
		printErr?: (text: string) => void;
		/** Emscripten's hook to instantiate an already compiled module. */
		instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
	};
	type Instance = { FS: { readFile(path: string): Uint8Array } };
	export default function ESpeakNg(options: Options): Promise<Instance>;
}
