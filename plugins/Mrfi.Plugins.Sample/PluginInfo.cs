// One attribute makes this assembly an mrfi plugin; its public components are found by their interfaces.
[assembly: Mrfi.MrfiPlugin("sample")]
