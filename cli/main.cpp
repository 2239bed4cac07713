#include <iostream>
int main() { std::cout << "subsim\n"; return 0; }
